package fr.cds.remuneration.calculette;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import fr.cds.remuneration.rules.model.DeclaredAnswer;

import static org.assertj.core.api.Assertions.assertThat;

/** Filling the calculette's controls as a person does, shared by the browser tests. */
final class FormControls {

	private FormControls() {
	}

	/** Selects, types or enters a date in {@code control}, as the control asks. */
	static void fill(JavascriptExecutor browser, WebElement control, String value) {
		if (control.getTagName().equals("select")) {
			Select select = new Select(control);
			boolean yesNo = select.getOptions().stream().anyMatch(o -> "oui".equals(o.getAttribute("value")));
			// a yes/no answer may be written 1/0 in declarations.csv; the form offers oui/non
			String option = yesNo ? DeclaredAnswer.asYesNo(value).map(yes -> yes ? "oui" : "non").orElse(value) : value;
			if (!option.isEmpty()) {
				select.selectByValue(option);
			}
		}
		else if ("date".equals(control.getAttribute("type"))) {
			typeDate(browser, control, value);
		}
		else {
			control.clear();
			control.sendKeys(value);
		}
	}

	/**
	 * Types a date as a person does in Chromium's date field: the digits of each part in the order
	 * of the browser's locale, the field moving to the next part by itself.
	 */
	static void typeDate(JavascriptExecutor browser, WebElement control, String isoDate) {
		if (isoDate.isEmpty()) {
			return;
		}
		String[] ymd = isoDate.split("-");
		String pattern = (String) browser
			.executeScript("return new Intl.DateTimeFormat().formatToParts(new Date(2000, 10, 22))"
					+ ".filter(p => p.type !== 'literal').map(p => p.type).join(',')");
		StringBuilder keys = new StringBuilder();
		for (String part : pattern.split(",")) {
			keys.append(switch (part) {
				case "year" -> ymd[0];
				case "month" -> ymd[1];
				default -> ymd[2];
			});
		}
		control.sendKeys(keys.toString());
		assertThat(control.getAttribute("value")).isEqualTo(isoDate);
	}

}
