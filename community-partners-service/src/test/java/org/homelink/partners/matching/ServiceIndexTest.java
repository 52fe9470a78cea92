package org.homelink.partners.matching;

import org.homelink.partners.directory.query.DirectoryProjection;
import org.homelink.partners.directory.query.ServiceView;
import org.homelink.partners.geography.Coordinates;
import org.homelink.partners.geography.UkPostcode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The index follows the directory's count of changes: one read of it a request, and a load only when it moved. */
class ServiceIndexTest {

    private final DirectoryProjection directory = mock(DirectoryProjection.class);
    private final ServiceIndex index = new ServiceIndex(directory);

    @Test
    void aRequestReadsTheCountOnceAndLoadsOnlyWhatChanged() {
        when(directory.changeNumber()).thenReturn(2L);
        when(directory.changedSince(-1)).thenReturn(List.of(service("s1", "food", 1), service("s2", "housing", 2)));

        ServiceIndex.Snapshot first = index.current();
        ServiceIndex.Snapshot unchanged = index.current();

        assertThat(first.inCategory("food")).extracting(ServiceView::serviceId).containsExactly("s1");
        assertThat(first.locate(UkPostcode.parse("RB1").orElseThrow()))
                .contains(new Coordinates(51.5, -0.12));
        assertThat(unchanged).isSameAs(first);
        verify(directory, times(2)).changeNumber();
        verify(directory, times(1)).changedSince(anyLong());

        when(directory.changeNumber()).thenReturn(3L);
        when(directory.changedSince(2)).thenReturn(List.of(service("s1", "housing", 3)));

        ServiceIndex.Snapshot changed = index.current();

        assertThat(changed.inCategory("food")).isEmpty();
        assertThat(changed.inCategory("housing")).extracting(ServiceView::serviceId)
                                                  .containsExactlyInAnyOrder("s1", "s2");
    }

    @Test
    void aRebuiltDirectoryIsLoadedAgainFromTheStart() {
        when(directory.changeNumber()).thenReturn(2L);
        when(directory.changedSince(-1)).thenReturn(List.of(service("s1", "food", 1), service("s2", "food", 2)));
        index.current();

        when(directory.changeNumber()).thenReturn(1L);
        when(directory.changedSince(-1)).thenReturn(List.of(service("s3", "food", 1)));

        assertThat(index.current().inCategory("food")).extracting(ServiceView::serviceId).containsExactly("s3");
    }

    private static ServiceView service(String id, String category, long changeNumber) {
        return new ServiceView(id, "org", "Service " + id, "active", "service " + id, List.of(), List.of(),
                               List.of(category), List.of("en"), null, null,
                               List.of(new ServiceView.Place(id + "-place", 51.5, -0.12, "RB1 4QX", "RB1")),
                               List.of(), null, Instant.EPOCH, 0, changeNumber, "{}");
    }
}
