package org.homelink.family.families.query;

import org.homelink.platform.web.Languages;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.YearGroup;

/**
 * What to look for in the family directory; every criterion left out matches every family. Whatever is asked, only
 * families the caller may see are found.
 *
 * @param name      part of the family's, a carer's or a child's name, in any case
 * @param school    a school's URN: families with a child there, or registered there
 * @param yearGroup families with a child at school in this year group
 * @param barrier   families with this barrier open
 * @param keyWorker families with this key worker (a staff id)
 * @param language  families with a carer who prefers this language (a BCP 47 tag)
 * @param page      which page, from 0
 * @param size      families per page, 1 to 100
 */
public record FamilySearch(@Size(max = 100) String name,
                           @Pattern(regexp = "\\d{6}", message = "must be a DfE URN of six digits") String school,
                           YearGroup yearGroup,
                           Barrier barrier,
                           @Size(max = 64) String keyWorker,
                           @Pattern(regexp = Languages.PATTERN, message = Languages.MESSAGE)
                           String language,
                           @Min(0) Integer page,
                           @Min(1) @Max(100) Integer size) {

    static final int DEFAULT_SIZE = 20;

    public int pageOrFirst() {
        return page == null ? 0 : page;
    }

    public int sizeOrDefault() {
        return size == null ? DEFAULT_SIZE : size;
    }
}
