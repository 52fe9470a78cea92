package org.homelink.family.families.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.YearGroup;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A family as the directory lists it: one small document per family, holding just what the search filters on and
 * what a list shows. Every filter is an equality on a field or an element of an array (or a pattern on the names),
 * so that the same simple query serves the embedded server, which scans, and MongoDB, which uses the indexes.
 *
 * @param familyId     the family
 * @param trustId      its trust
 * @param schoolUrns   its schools
 * @param familyName   how the school refers to the household
 * @param carerNames   its carers' names
 * @param children     its children at a school of the trust
 * @param yearGroups   those children's year groups
 * @param openBarriers the barriers open now; left out for a caller whose role does not support families
 * @param keyWorker    the key worker's staff id, or null
 * @param languages    the languages its carers prefer
 * @param interpreter  whether any carer needs an interpreter
 * @param version      the family's version
 * @param searchNames  the family's, carers' and children's names in lower case, for the name search
 * @param sortName     the family name in lower case, the directory's order
 */
public record FamilyListing(@BsonId String familyId, String trustId, List<String> schoolUrns, String familyName,
                            List<String> carerNames, List<ListedChild> children, List<YearGroup> yearGroups,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Barrier> openBarriers, String keyWorker,
                            List<String> languages, boolean interpreter, long version,
                            @JsonIgnore List<String> searchNames, @JsonIgnore String sortName) {

    public record ListedChild(String childId, String name, YearGroup yearGroup, String schoolUrn) {
    }

    /** The listing as a caller sees it whose role does not support families: without its barriers. */
    FamilyListing withoutBarriers() {
        return new FamilyListing(familyId, trustId, schoolUrns, familyName, carerNames, children, yearGroups, null,
                                 keyWorker, languages, interpreter, version, searchNames, sortName);
    }

    static FamilyListing of(FamilyDetail family) {
        List<FamilyDetail.Child> atSchool = family.children().stream().filter(FamilyDetail.Child::atSchool).toList();
        return new FamilyListing(
                family.familyId(), family.trustId(), family.schoolUrns(), family.familyName(),
                family.carers().stream().map(FamilyDetail.Carer::name).toList(),
                atSchool.stream().map(child -> new ListedChild(child.childId(), child.name(), child.yearGroup(),
                                                               child.schoolUrn())).toList(),
                atSchool.stream().map(FamilyDetail.Child::yearGroup).distinct().toList(),
                family.barriers().stream().filter(FamilyDetail.BarrierRecord::open)
                      .map(FamilyDetail.BarrierRecord::barrier).distinct().toList(),
                family.keyWorker(),
                family.carers().stream().map(carer -> carer.preferences().preferredLanguage()).distinct().toList(),
                family.carers().stream().anyMatch(carer -> carer.preferences().needsInterpreter()),
                family.version(),
                Stream.of(Stream.of(family.familyName()), family.carers().stream().map(FamilyDetail.Carer::name),
                          family.children().stream().map(FamilyDetail.Child::name))
                      .flatMap(names -> names).map(FamilyListing::lowerCase).distinct().toList(),
                lowerCase(family.familyName()));
    }

    static String lowerCase(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
