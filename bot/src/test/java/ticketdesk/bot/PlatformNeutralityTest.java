package ticketdesk.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** What is not Slack's (command syntax, card wording, button meaning) stays free of Slack, so Discord can reuse it. */
class PlatformNeutralityTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("ticketdesk.bot");

    @Test
    void commandsAndCardsKnowNoSlackAndNoHttp() {
        noClasses().that().resideInAnyPackage("ticketdesk.bot.command..", "ticketdesk.bot.card..")
                .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "ticketdesk.bot.slack..",
                        "io.micronaut.http..")
                .check(classes);
    }
}
