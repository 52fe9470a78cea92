package org.homelink.family.families.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.homelink.family.families.export.FamilyExport.ExportedEvent;
import org.homelink.family.families.query.FamilyDetail;
import org.homelink.platform.privacy.FamilyDataOpener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A family's export as a document the family can read and print: one page, self-contained (its style inline, no
 * scripts, nothing fetched), a heading per kind of record, dates and times in London time, field names and codes in
 * plain words, and the carers and children named rather than numbered.
 */
@Component
class FamilyExportPage {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    /**
     * A code such as {@code YEAR_3} or {@code LOW_LITERACY}, put in lower case words. A single word in capitals is
     * left alone: it may be a code ({@code SMS}) but it may as well be what someone wrote, which is shown as written.
     */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    /** What the family's record shows, in this order, under these headings. */
    private static final Map<String, String> RECORD_PARTS = new LinkedHashMap<>();
    /** Each service in the words of the part of Homelink it is. */
    private static final Map<String, String> SERVICES = Map.of(
            "family-service", "family records (family-service)",
            "engagement-service", "contact with the family, messages and attendance (engagement-service)",
            "community-partners-service", "support from partner organisations (community-partners-service)");
    /** Not worth a family's reading: versions and bookkeeping. */
    private static final Set<String> LEFT_OUT = Set.of("version", "searchNames", "sortName");
    private static final String STYLE = """
            body { font-family: Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; \
            line-height: 1.45; }
            h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 2px solid #333; } h3 { margin-top: 1.5em; }
            dl { display: grid; grid-template-columns: 14em 1fr; gap: .2em 1em; margin: .5em 0 1em; }
            dt { font-weight: bold; } dd { margin: 0; }
            .entry { border-left: 3px solid #999; padding-left: .8em; margin: 1em 0; page-break-inside: avoid; }
            .withheld { font-style: italic; color: #555; }
            @media print { body { margin: 0; max-width: none; } a { color: inherit; } }
            """;

    static {
        RECORD_PARTS.put("carers", "Carers");
        RECORD_PARTS.put("children", "Children");
        RECORD_PARTS.put("barriers", "Barriers to taking part");
        RECORD_PARTS.put("consents", "Consents");
        RECORD_PARTS.put("voice", "What the family has told the school");
    }

    private final ObjectMapper json;

    FamilyExportPage(ObjectMapper json) {
        this.json = json;
    }

    String render(FamilyExport export) {
        FamilyDetail family = export.record();
        Map<String, String> names = namesOf(family);
        StringBuilder page = new StringBuilder(8192);
        page.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .append(escape("What we hold about " + family.familyName())).append("</title>\n<style>\n").append(STYLE)
            .append("</style>\n</head>\n<body>\n<h1>").append(escape("What we hold about " + family.familyName()))
            .append("</h1>\n<p>").append(escape("Everything Homelink holds about your family, as it stood on "
                                                + dayAndTime(export.exportedAt()) + " (London time)."))
            .append("</p>\n<p>").append("Where a record also held another family's details, they are left out and "
                                         + "marked as withheld.").append("</p>\n");

        page.append("<h2>Your family's record now</h2>\n");
        JsonNode record = json.valueToTree(family);
        definitions(page, record, names, Set.copyOf(RECORD_PARTS.keySet()));
        RECORD_PARTS.forEach((field, heading) -> {
            JsonNode items = record.get(field);
            page.append("<h3>").append(escape(heading)).append("</h3>\n");
            if (items == null || items.isEmpty()) {
                page.append("<p>None.</p>\n");
                return;
            }
            for (JsonNode item : items) {
                page.append("<div class=\"entry\">");
                definitions(page, item, names, Set.of());
                page.append("</div>\n");
            }
        });

        page.append("<h2>Everything that has happened</h2>\n");
        if (export.events().isEmpty()) {
            page.append("<p>Nothing.</p>\n");
        }
        Map<String, List<ExportedEvent>> byKind = new LinkedHashMap<>();
        export.events().forEach(event -> byKind.computeIfAbsent(event.type(), kind -> new ArrayList<>())
                                               .add(event));
        byKind.forEach((kind, events) -> {
            page.append("<h3>").append(escape(sentence(kind))).append("</h3>\n");
            for (ExportedEvent event : events) {
                page.append("<div class=\"entry\"><dl>")
                    .append(term("When", dayAndTime(event.at())))
                    .append(term("Where it is kept", SERVICES.getOrDefault(event.service(), event.service())));
                if (event.causedBy() != null) {
                    page.append(term("Done by", event.causedBy()));
                }
                page.append("</dl>");
                definitions(page, event.event(), names, Set.of());
                page.append("</div>\n");
            }
        });
        return page.append("</body>\n</html>\n").toString();
    }

    /** The family's, its carers' and its children's names by their ids: ids mean nothing to a family. */
    private static Map<String, String> namesOf(FamilyDetail family) {
        Map<String, String> names = new HashMap<>();
        names.put(family.familyId(), family.familyName());
        family.carers().forEach(carer -> names.put(carer.carerId(), carer.name()));
        family.children().forEach(child -> names.put(child.childId(), child.name()));
        return names;
    }

    private void definitions(StringBuilder page, JsonNode node, Map<String, String> names, Set<String> skip) {
        if (!node.isObject()) {
            page.append("<p>").append(value(node, names)).append("</p>");
            return;
        }
        page.append("<dl>");
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (skip.contains(field.getKey()) || LEFT_OUT.contains(field.getKey()) || value.isNull()
                || value.isContainerNode() && value.isEmpty()) {
                continue;
            }
            page.append("<dt>").append(escape(label(field.getKey(), value, names))).append("</dt><dd>");
            if (value.isObject()) {
                definitions(page, value, names, Set.of());
            } else if (value.isArray() && containsObjects(value)) {
                for (JsonNode item : value) {
                    page.append("<div class=\"entry\">");
                    definitions(page, item, names, Set.of());
                    page.append("</div>");
                }
            } else {
                page.append(value(value, names));
            }
            page.append("</dd>");
        }
        page.append("</dl>");
    }

    private static boolean containsObjects(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isObject()) {
                return true;
            }
        }
        return false;
    }

    /** A value in words, escaped. */
    private static String value(JsonNode value, Map<String, String> names) {
        if (value.isArray()) {
            StringBuilder list = new StringBuilder();
            for (JsonNode item : value) {
                list.append(list.isEmpty() ? "" : ", ").append(value(item, names));
            }
            return list.toString();
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "yes" : "no";
        }
        String text = value.asText();
        if (FamilyDataOpener.WITHHELD.equals(text)) {
            return "<span class=\"withheld\">" + escape(text) + "</span>";
        }
        return escape(plain(text, names));
    }

    private static String plain(String text, Map<String, String> names) {
        if (names.containsKey(text)) {
            return names.get(text);
        }
        try {
            if (ISO_INSTANT.matcher(text).matches()) {
                return dayAndTime(Instant.parse(text));
            }
            if (ISO_DAY.matcher(text).matches()) {
                return LocalDate.parse(text).format(DAY);
            }
        } catch (DateTimeParseException e) {
            return text;
        }
        if (CODE.matcher(text).matches()) {
            return text.replace('_', ' ').toLowerCase(Locale.UK);
        }
        return text;
    }

    private static String term(String name, String value) {
        return "<dt>" + escape(name) + "</dt><dd>" + escape(value) + "</dd>";
    }

    private static String dayAndTime(Instant at) {
        return at.atZone(LONDON).format(DAY_AND_TIME);
    }

    /** {@code BarrierRecorded} as "Barrier recorded". */
    static String sentence(String name) {
        String spaced = name.replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[a-z])(?=[0-9])", " ").toLowerCase(Locale.UK);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /**
     * A field's name in words; an id field names a person when its value is one of the family's ids, and is otherwise
     * a reference (a barrier's, a contact's), which is what a family would call it.
     */
    private static String label(String field, JsonNode value, Map<String, String> names) {
        boolean ids = field.endsWith("Id") || field.endsWith("Ids");
        boolean person = value.isTextual() ? names.containsKey(value.asText())
                : value.isArray() && value.size() > 0 && names.containsKey(value.get(0).asText());
        if (!ids || person) {
            return words(field);
        }
        return words(field) + (field.endsWith("Ids") ? " (references)" : " (reference)");
    }

    /** A field's name in words: {@code parentalResponsibility} as "Parental responsibility", {@code carerId} "Carer". */
    static String words(String field) {
        String name = field.endsWith("Ids") ? field.substring(0, field.length() - 3) + "s"
                : field.endsWith("Id") ? field.substring(0, field.length() - 2)
                : field.endsWith("Urns") ? field.substring(0, field.length() - 4) + "s"
                : field.endsWith("Urn") ? field.substring(0, field.length() - 3) : field;
        return sentence(name);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
