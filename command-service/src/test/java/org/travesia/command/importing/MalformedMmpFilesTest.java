package org.travesia.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.kernel.common.InvalidValueException;

/**
 * A file that is not an MMP file is refused whole by the check that runs before anything is imported; a good file
 * passes it, with its layout, its byte order mark and its split incidents found.
 */
class MalformedMmpFilesTest {

    private static final String HDX_HEADER = "Main ID,Incident ID,Incident Type,Region of Incident,Incident Date,"
            + "Incident Year,Month,Number of Dead,Minimum Estimated Number of Missing,Total Number of Dead and Missing,"
            + "Number of Survivors,Number of Females,Number of Males,Number of Children,Country of Origin,"
            + "Region of Origin,Cause of Death,Country of Incident,Migration Route,Location of Incident,Coordinates,"
            + "UNSD Geographical Grouping,Information Source,URL,Source Quality\n";
    private static final String ROW = "2014.MMP1,2014.MMP1,Incident,North America,2014-12-31,2014,December,1,,1,,,1,"
            + ",,,Drowning,Mexico,US-Mexico border crossing,\"Rio Grande, near X\",\"27.5, -99.5\",Central America,"
            + "Media,,3\n";

    @TempDir
    Path dir;

    @Test
    void aWrongHeaderIsRefusedNamingTheMissingColumns() throws IOException {
        assertRefused("Name,Phone,Address\nAna,123,Here\n", "import.file.header");
    }

    @Test
    void aBinaryFileIsRefused() throws IOException {
        Path file = dir.resolve("photo.csv");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});

        assertThatThrownBy(() -> new MmpFile(file).check()).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("import.file.binary");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, (HDX_HEADER + ROW.replace("near X", "near \u00d1")).getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> new MmpFile(file).check()).hasMessageContaining("import.file.binary");
    }

    @Test
    void aQuoteLeftOpenDeepInTheFileRefusesTheWholeFile() throws IOException {
        assertRefused(HDX_HEADER + ROW + ROW.replace("\"27.5, -99.5\"", "\"27.5, -99.5"), "import.file.not-csv-at");
    }

    @Test
    void jsonIsNotCsv() throws IOException {
        assertRefused("{\"incidents\": []}\n", "import.file.not-csv");
    }

    @Test
    void aHeaderWithoutRowsIsRefused() throws IOException {
        assertRefused(HDX_HEADER, "import.file.no-rows");
    }

    @Test
    void aGoodFileWithAByteOrderMarkPassesWithItsLayoutAndSplitIncidents() throws IOException {
        Path file = dir.resolve("good.csv");
        Files.writeString(file, "\uFEFF" + HDX_HEADER + ROW + ROW.replace("2014.MMP1,2014.MMP1", "2014.MMP1,2014.MMP2"));

        MmpFile.Checked checked = new MmpFile(file).check();

        assertThat(checked.layout()).isEqualTo(MmpLayout.HDX);
        assertThat(checked.byteOrderMark()).isTrue();
        assertThat(checked.rows()).isEqualTo(2);
        assertThat(checked.rowsPerKey()).containsEntry("2014.MMP1", 2);
    }

    private void assertRefused(String content, String code) throws IOException {
        Path file = dir.resolve("upload.csv");
        Files.writeString(file, content);

        assertThatThrownBy(() -> new MmpFile(file).check()).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(code);
    }
}
