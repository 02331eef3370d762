package fr.cds.remuneration.output;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages lent to openhtmltopdf (issue 17, operations): PDFBox's resource naming gives the same
 * answers with the remembered values as with its own scan: a property list already there keeps its
 * name, a new one gets the next name, a removed one is no longer found.
 */
class TaggedPageSupplierTest {

	@Test
	void aPageOfTheRequestedSizeAddedToTheDocumentWithTheIndexedProperties() throws Exception {
		try (PDDocument document = new PDDocument()) {
			PDPage page = TaggedPageSupplier.INSTANCE.requestPage(document, 595f, 842f, 0, -1);
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(document.getPage(0).getCOSObject()).isSameAs(page.getCOSObject());
			assertThat(page.getMediaBox().getWidth()).isEqualTo(595f);
			assertThat(page.getMediaBox().getHeight()).isEqualTo(842f);
			assertThat(page.getResources().getCOSObject().getDictionaryObject(COSName.PROPERTIES))
				.isInstanceOf(TaggedPageSupplier.PropertyDictionary.class);
		}
	}

	@Test
	void propertyListsAreNamedAsPdfBoxNamesThem() throws Exception {
		try (PDDocument document = new PDDocument()) {
			PDResources resources = TaggedPageSupplier.INSTANCE.requestPage(document, 595f, 842f, 0, -1).getResources();
			PDPropertyList first = mcid(0);
			PDPropertyList second = mcid(1);
			assertThat(resources.add(first)).isEqualTo(COSName.getPDFName("Prop1"));
			assertThat(resources.add(second)).isEqualTo(COSName.getPDFName("Prop2"));
			// the same list again: its name, no new entry
			assertThat(resources.add(first)).isEqualTo(COSName.getPDFName("Prop1"));
			// an equal but distinct dictionary is another marked-content sequence: a new entry
			assertThat(resources.add(mcid(0))).isEqualTo(COSName.getPDFName("Prop3"));
			COSDictionary properties = resources.getCOSObject().getCOSDictionary(COSName.PROPERTIES);
			assertThat(properties.size()).isEqualTo(3);
			properties.removeItem(COSName.getPDFName("Prop1"));
			assertThat(properties.containsValue(first.getCOSObject())).isFalse();
			assertThat(properties.containsValue(second.getCOSObject())).isTrue();
		}
	}

	@Test
	void propertyListsAreWrittenInsideThePagesDictionaryNotAsObjectsOfTheirOwn() throws Exception {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (PDDocument document = new PDDocument()) {
			PDResources resources = TaggedPageSupplier.INSTANCE.requestPage(document, 595f, 842f, 0, -1).getResources();
			resources.add(mcid(0));
			resources.add(mcid(1));
			document.save(out);
		}
		try (PDDocument saved = org.apache.pdfbox.Loader.loadPDF(out.toByteArray())) {
			COSDictionary properties = saved.getPage(0).getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
			assertThat(properties.size()).isEqualTo(2);
			// the entries themselves are the dictionaries (a reference would read back as a COSObject)
			assertThat(properties.getItem(COSName.getPDFName("Prop1"))).isInstanceOf(COSDictionary.class);
			assertThat(((COSDictionary) properties.getItem(COSName.getPDFName("Prop2"))).getInt(COSName.MCID)).isEqualTo(1);
		}
	}

	private static PDPropertyList mcid(int id) {
		COSDictionary dictionary = new COSDictionary();
		dictionary.setInt(COSName.MCID, id);
		return PDPropertyList.create(dictionary);
	}

}
