package ticketdesk.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A download's headers: a safe content type and a Content-Disposition no file name can break out of. */
class DownloadsTest {

    @Test
    void aPlainNameIsTheSameInBothForms() {
        assertThat(Downloads.attachment("report-2026.pdf"))
                .isEqualTo("attachment; filename=\"report-2026.pdf\"; filename*=UTF-8''report-2026.pdf");
    }

    @Test
    void aNameBeyondAsciiKeepsItsLettersInFilenameStarAndUnderscoresInTheFallback() {
        assertThat(Downloads.attachment("Rechnung März 😀.pdf")).isEqualTo("attachment;"
                + " filename=\"Rechnung M_rz _.pdf\"; filename*=UTF-8''Rechnung%20M%C3%A4rz%20%F0%9F%98%80.pdf");
    }

    @Test
    void quotesLineBreaksAndSemicolonsCannotEndTheHeaderOrItsParameter() {
        String header = Downloads.attachment("a\"b\r\nSet-Cookie: x=1;.txt");
        assertThat(header).isEqualTo("attachment; filename=\"a_bSet-Cookie: x=1;.txt\";"
                + " filename*=UTF-8''a%22bSet-Cookie%3A%20x%3D1%3B.txt");
        assertThat(header).doesNotContain("\r", "\n");
    }

    @Test
    void aPathIsCutToItsLastPartAndNothingLeftIsCalledAttachment() {
        assertThat(Downloads.baseName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Downloads.baseName("C:\\Users\\bob\\notes.txt")).isEqualTo("notes.txt");
        assertThat(Downloads.baseName("..")).isEqualTo("attachment");
        assertThat(Downloads.baseName(null)).isEqualTo("attachment");
        assertThat(Downloads.baseName("dir/")).isEqualTo("attachment");
    }

    @Test
    void theStoredTypeIsKeptWithoutParametersWhenWellFormedAndOctetStreamOtherwise() {
        assertThat(Downloads.contentType("application/pdf")).isEqualTo("application/pdf");
        assertThat(Downloads.contentType("Text/Plain; charset=\"us-ascii\"")).isEqualTo("text/plain");
        assertThat(Downloads.contentType("image/svg+xml")).isEqualTo("image/svg+xml");
        assertThat(Downloads.contentType("text/html\r\nX-Evil: 1")).isEqualTo(Downloads.OCTET_STREAM);
        assertThat(Downloads.contentType("nonsense")).isEqualTo(Downloads.OCTET_STREAM);
        assertThat(Downloads.contentType(null)).isEqualTo(Downloads.OCTET_STREAM);
    }
}
