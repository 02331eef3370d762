package fr.cds.remuneration.rules.model;

/**
 * One file a rule set was read from: the base rule-set file, then each amendment applied over it,
 * in order. Kept with the rule set so that it can be amended again and so that its checksum covers
 * every file that made it.
 *
 * @param name the file as messages name it (a path or a classpath resource name)
 * @param content the file's bytes
 */
public record RuleSetLayer(String name, byte[] content) {

	public RuleSetLayer {
		content = content.clone();
	}

	@Override
	public byte[] content() {
		return this.content.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RuleSetLayer layer && layer.name.equals(this.name)
				&& java.util.Arrays.equals(layer.content, this.content);
	}

	@Override
	public int hashCode() {
		return 31 * this.name.hashCode() + java.util.Arrays.hashCode(this.content);
	}

	@Override
	public String toString() {
		return "RuleSetLayer[" + this.name + ", " + this.content.length + " bytes]";
	}

}
