package fr.cds.remuneration.centre;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Département to region table (COG), read from {@code reference/departements-regions.csv}: the
 * legacy FINESS extract has no region column, so the region is always derived from here.
 */
public final class RegionTable {

	private static final String RESOURCE = "/reference/departements-regions.csv";

	private final Map<String, Region> byDepartement;

	private RegionTable(Map<String, Region> byDepartement) {
		// insertion order kept: the generator draws départements from it and must be deterministic
		this.byDepartement = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byDepartement));
	}

	public static RegionTable load() {
		try (InputStream in = RegionTable.class.getResourceAsStream(RESOURCE);
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			Map<String, Region> regions = new LinkedHashMap<>();
			CSVFormat format = CSVFormat.Builder.create()
				.setDelimiter(';')
				.setHeader()
				.setSkipHeaderRecord(true)
				.get();
			for (CSVRecord row : format.parse(reader)) {
				regions.put(row.get("departement"), new Region(row.get("departement"), row.get("departement_nom"),
						row.get("region"), row.get("region_nom")));
			}
			return new RegionTable(regions);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("lecture impossible de " + RESOURCE, ex);
		}
	}

	public Optional<Region> forDepartement(String departement) {
		return Optional.ofNullable(this.byDepartement.get(departement));
	}

	/** Every département of the table, in the table's order. */
	public java.util.List<Region> departements() {
		return java.util.List.copyOf(this.byDepartement.values());
	}

	/** Name of the region with INSEE code {@code code}. */
	public Optional<String> regionName(String code) {
		return this.byDepartement.values().stream().filter(r -> r.code().equals(code)).map(Region::name).findFirst();
	}

}
