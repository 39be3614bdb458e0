package ticketdesk.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** core knows no Slack, mail, HTTP or HTML types: adapters translate to and from its commands. */
class CoreKnowsNoAdapterTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ticketdesk.core");

    @Test
    void coreImportsNoSlackMailHttpOrHtmlTypes() {
        noClasses().that().resideInAPackage("ticketdesk.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.slack..", "jakarta.mail..", "javax.mail..", "io.micronaut.http..", "org.jsoup..",
                        "io.micronaut.views..", "io.micronaut.security..", "ticketdesk.bot..", "ticketdesk.mail..",
                        "ticketdesk.admin..", "ticketdesk.app..")
                .check(core);
    }
}
