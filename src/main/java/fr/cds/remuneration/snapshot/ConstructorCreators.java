package fr.cds.remuneration.snapshot;

import java.lang.reflect.Constructor;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.module.SimpleModule;

/**
 * Builds the records {@link SnapshotJson} reads through their constructor by plain reflection.
 * Jackson 3.1 calls a creator with {@code MethodHandle.invokeWithArguments}, which adapts the handle
 * anew on every call: for a centre's result (hundreds of records) a third of its JSON's reading in the
 * statements step went there (issue 21, JFR). {@link Constructor#newInstance} builds the same object
 * from the same arguments. Anything it cannot do (a constructor that throws, one it may not call)
 * goes back to Jackson's own call, so errors are reported as before.
 */
final class ConstructorCreators extends SimpleModule {

	private static final long serialVersionUID = 1L;

	ConstructorCreators() {
		super("constructor-creators");
	}

	@Override
	public void setupModule(SetupContext context) {
		super.setupModule(context);
		context.addValueInstantiators(new ValueInstantiators.Base() {

			@Override
			public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
					BeanDescription.Supplier description, ValueInstantiator instantiator) {
				if (instantiator.getClass() == StdValueInstantiator.class
						&& ((StdValueInstantiator) instantiator).getWithArgsCreator() instanceof AnnotatedConstructor creator
						&& creator.getAnnotated().trySetAccessible()) {
					return new Direct((StdValueInstantiator) instantiator, creator.getAnnotated());
				}
				return instantiator;
			}

		});
	}

	/** Jackson's instantiator, but its creator with arguments called through {@link Constructor#newInstance}. */
	private static final class Direct extends StdValueInstantiator {

		private static final long serialVersionUID = 1L;

		private final transient Constructor<?> constructor;

		Direct(StdValueInstantiator jackson, Constructor<?> constructor) {
			super(jackson);
			this.constructor = constructor;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
			try {
				return this.constructor.newInstance(arguments);
			}
			catch (ReflectiveOperationException | IllegalArgumentException e) {
				// Jackson calls it again and reports the problem its own way
				return super.createFromObjectWith(context, arguments);
			}
		}

	}

}
