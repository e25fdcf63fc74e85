package broadsheet;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layers of ARCHITECTURE.md, held by the import lines of the main code. From the bottom: the shared types
 * and storage ({@code shared}, {@code content}, {@code text}, {@code storage}); the web toolkit ({@code web});
 * the features; the faces ({@code newsroom}'s frame and staff pages, {@code api}, and each feature's page, view
 * and form classes); the entry ({@code App}, {@code Routes}, {@code Server}, {@code cli}, {@code demo}).
 */
class ArchitectureTest {
    /** Every package that holds a capability of the product. */
    private static final String[] FEATURES = {"broadsheet.account..", "broadsheet.article..", "broadsheet.contributor..",
            "broadsheet.editing..", "broadsheet.importing..", "broadsheet.media..", "broadsheet.section..", "broadsheet.settings..",
            "broadsheet.subscription..", "broadsheet.topic..", "broadsheet.reader..", "broadsheet.comment..", "broadsheet.search..",
            "broadsheet.feed..", "broadsheet.gift..", "broadsheet.moderation..", "broadsheet.sitemap..", "broadsheet.webhook..", "broadsheet.cdn.."};
    /** The bottom layer: types every feature reads, and the database and files under them. */
    private static final String[] SHARED = {"broadsheet.shared..", "broadsheet.content..", "broadsheet.text..", "broadsheet.storage..",
            "broadsheet.mail.."};
    /**
     * How a class of a feature says it is one of the feature's faces: it answers HTTP requests (pages, API),
     * or it is what such a class hands a template or reads a form into.
     */
    private static final List<String> FACE_NAMES = List.of("Pages", "Page", "Api", "View", "Views", "Form", "JsonLd");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("broadsheet");

    private static final DescribedPredicate<JavaClass> FACE = DescribedPredicate.describe("a page, API, view or form class",
            c -> FACE_NAMES.stream().anyMatch(suffix -> outermost(c).getSimpleName().endsWith(suffix)));

    private static JavaClass outermost(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) outer = outer.getEnclosingClass().get();
        return outer;
    }

    @Test
    void thePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("broadsheet.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theWebToolkitKnowsNoFeature() {
        classes().that().resideInAPackage("broadsheet.web..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("broadsheet..")
                        .or(resideInAnyPackage("broadsheet.web..")).or(resideInAnyPackage(SHARED)))
                .check(MAIN);
    }

    @Test
    void theSharedTypesAndStorageKnowNothingAboveThem() {
        classes().that().resideInAnyPackage(SHARED)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("broadsheet..").or(resideInAnyPackage(SHARED)))
                .andShould().onlyDependOnClassesThat(resideOutsideOfPackage("io.javalin.."))
                .check(MAIN);
    }

    @Test
    void aFeaturesRecordsStoresAndRulesUseNeitherJavalinNorTheWebToolkit() {
        noClasses().that().resideInAnyPackage(FEATURES).and(not(FACE))
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "broadsheet.web..")
                .check(MAIN);
    }

    @Test
    void featuresNeverReachUpToTheFacesOrTheEntry() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().resideInAnyPackage("broadsheet.api..", "broadsheet.cli..", "broadsheet.demo..")
                .orShould().dependOnClassesThat(DescribedPredicate.describe("the entry classes beside App (package broadsheet)",
                        c -> c.getPackageName().equals("broadsheet")))
                .check(MAIN);
    }

    @Test
    void theApisReachTheFeaturesThroughTheirServicesNeverThroughTheirHtmlPages() {
        noClasses().that().resideInAPackage("broadsheet.api..")
                .should().dependOnClassesThat(DescribedPredicate.describe("are a feature's HTML page classes",
                        c -> resideInAnyPackage(FEATURES).test(c) && List.of("Pages", "Page").stream()
                                .anyMatch(suffix -> outermost(c).getSimpleName().endsWith(suffix))))
                .check(MAIN);
    }

    @Test
    void theImporterIsAFaceOfTheWorkflowWithoutHttp() {
        noClasses().that().resideInAPackage("broadsheet.importing..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "broadsheet.web..", "broadsheet.newsroom..")
                .check(MAIN);
    }
}
