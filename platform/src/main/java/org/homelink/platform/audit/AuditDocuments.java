package org.homelink.platform.audit;

import org.bson.Document;

import java.util.Date;
import java.util.List;

/**
 * How an audit entry looks inside its bucket:
 * <pre>
 * { at: ISODate(...), service: "family-service", route: "GET /api/families/{familyId}", parameters: [],
 *   status: 200, by: { role: "key-worker", staff: "kw-7", trust: "demo-riverbend" },
 *   families: ["3f0c..."], trust: "demo-riverbend", schools: ["990101"], listed: { count: 20, total: 41 } }
 * </pre>
 */
final class AuditDocuments {

    private AuditDocuments() {
    }

    static Document toDocument(AuditEntry entry) {
        Document document = new Document("at", Date.from(entry.at()))
                .append("service", entry.service())
                .append("route", entry.route())
                .append("parameters", entry.parameters())
                .append("status", entry.status())
                .append("by", caller(entry.by()))
                .append("families", entry.familyIds());
        putUnlessNull(document, "trust", entry.trustId());
        document.append("schools", entry.schoolUrns());
        if (entry.listed() != null) {
            Document listed = new Document();
            putUnlessNull(listed, "count", entry.listed().count());
            putUnlessNull(listed, "total", entry.listed().totalItems());
            document.append("listed", listed);
        }
        return document;
    }

    static AuditEntry fromDocument(Document document) {
        Document by = document.get("by", Document.class);
        Document listed = document.get("listed", Document.class);
        return new AuditEntry(document.getDate("at").toInstant(), document.getString("service"),
                              document.getString("route"), strings(document, "parameters"),
                              document.getInteger("status"),
                              new AuditEntry.Caller(by.getString("role"), by.getString("staff"),
                                                    by.getString("trust"), by.getString("organisation")),
                              strings(document, "families"), document.getString("trust"),
                              strings(document, "schools"),
                              listed == null ? null : new AuditEntry.Listed(
                                      listed.getInteger("count"),
                                      listed.get("total") == null ? null
                                              : listed.get("total", Number.class).longValue()));
    }

    private static Document caller(AuditEntry.Caller caller) {
        Document by = new Document("role", caller.role()).append("staff", caller.staffId());
        putUnlessNull(by, "trust", caller.trustId());
        putUnlessNull(by, "organisation", caller.organisationId());
        return by;
    }

    private static List<String> strings(Document document, String key) {
        List<String> values = document.getList(key, String.class);
        return values == null ? List.of() : values;
    }

    private static void putUnlessNull(Document document, String key, Object value) {
        if (value != null) {
            document.append(key, value);
        }
    }
}
