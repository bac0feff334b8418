package com.tentabo.prm.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** The boundaries of docs/architecture.md, checked on the production classes of every module. */
class ArchitectureTest {

    private static final String BASE = "com.tentabo.prm";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            // test support (TestDatabase …): a jar of the reactor, on the test class path only
            .withImportOption(location -> !location.contains("/com/tentabo/prm/testing/"))
            // the application's fakes and repository contracts (prm-application-fakes): test scope only
            .withImportOption(location -> !location.contains("application-fakes"))
            .importPackages(BASE);

    private static void check(ArchRule rule) {
        rule.check(CLASSES);
    }

    @Test
    void domainDependsOnlyOnTheJdk() {
        check(classes()
                .that()
                .resideInAPackage(BASE + ".domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(BASE + ".domain..", "java..")
                .because("the domain jar is embedded by other services with no framework"));
    }

    @Test
    void applicationDependsOnlyOnDomainJdkAndSpecApis() {
        check(classes()
                .that()
                .resideInAPackage(BASE + ".application..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        BASE + ".domain..",
                        BASE + ".application..",
                        "java..",
                        "jakarta.enterprise..",
                        "jakarta.transaction..",
                        "jakarta.inject..",
                        "jakarta.annotation.."));
    }

    @Test
    void adaptersDependOnPortsNeverOnServicesOrEachOther() {
        check(noClasses()
                .that()
                .resideInAPackage(BASE + ".adapters..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".application..service..")
                .because("adapters talk to use cases through ports"));
        check(noClasses()
                .that()
                .resideInAPackage(BASE + ".adapters.rest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        BASE + ".adapters.persistence..", BASE + ".adapters.providers..", BASE + ".adapters.web.."));
        check(noClasses()
                .that()
                .resideInAPackage(BASE + ".adapters.persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        BASE + ".adapters.rest..", BASE + ".adapters.providers..", BASE + ".adapters.web.."));
        check(noClasses()
                .that()
                .resideInAPackage(BASE + ".adapters.providers..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        BASE + ".adapters.rest..", BASE + ".adapters.persistence..", BASE + ".adapters.web.."));
        // the web console: application ports (and the domain) only — never the REST adapter, persistence or providers
        check(noClasses()
                .that()
                .resideInAPackage(BASE + ".adapters.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        BASE + ".adapters.rest..",
                        BASE + ".adapters.persistence..",
                        BASE + ".adapters.providers..",
                        BASE + ".bootstrap..")
                .because("the console calls the application's use cases exactly as the REST adapter does"));
    }

    @Test
    void portsAreNamedForWhatTheyAre() {
        check(classes()
                .that()
                .resideInAPackage(BASE + ".application..port.in..")
                .and()
                .areInterfaces()
                .should()
                .haveSimpleNameEndingWith("UseCase"));
        check(classes()
                .that()
                .resideInAPackage(BASE + ".application..port.out..")
                .and()
                .areInterfaces()
                .should()
                .haveSimpleNameEndingWith("Repository")
                .orShould()
                .haveSimpleNameEndingWith("Gateway")
                .orShould()
                .haveSimpleNameEndingWith("Directory")
                .orShould()
                .haveSimpleNameEndingWith("Publisher")
                .orShould()
                .haveSimpleNameEndingWith("Hasher")
                .orShould()
                .haveSimpleNameEndingWith("Transactions")
                .orShould()
                .haveSimpleNameEndingWith("Gateways"));
    }

    @Test
    void persistenceTechnologyStaysInThePersistenceAdapter() {
        check(noClasses()
                .that()
                .resideOutsideOfPackage(BASE + ".adapters.persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "org.flywaydb.."));
    }

    @Test
    void resourcesLiveInTheRestAdapterAndAreNamedResource() {
        check(classes()
                .that()
                .areAnnotatedWith(jakarta.ws.rs.Path.class)
                .and()
                .resideOutsideOfPackage(BASE + ".adapters.web..")
                .should()
                .resideInAPackage(BASE + ".adapters.rest..")
                .andShould()
                .haveSimpleNameEndingWith("Resource"));
        check(classes()
                .that()
                .areAnnotatedWith(jakarta.ws.rs.Path.class)
                .and()
                .resideInAPackage(BASE + ".adapters.web..")
                .should()
                .haveSimpleNameEndingWith("Page")
                .because("the console's page classes answer HTML under /ui, the API's resources JSON under /api/v1"));
    }

    @Test
    void providerPackagesDoNotDependOnEachOther() {
        check(slices().matching(BASE + ".adapters.providers.(*).(*)..").should().notDependOnEachOther());
    }

    @Test
    void domainFeaturePackagesAreFreeOfCycles() {
        check(slices().matching(BASE + ".domain.(*)..").should().beFreeOfCycles());
    }

    @Test
    void storedRowsAreBuiltWithoutInputRulesOnlyByThePersistenceAdapter() {
        check(noClasses()
                .that()
                .resideOutsideOfPackages(BASE + ".domain..", BASE + ".adapters.persistence..")
                .should()
                .callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("stored"))
                        .and(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                                JavaClass.Predicates.resideInAPackage(BASE + ".domain..")))))
                .because("the stored(...) factories skip the input rules: only rows read from the database use them"
                        + " (docs/legacy-data.md)"));
        check(noClasses()
                .that()
                .resideOutsideOfPackage(BASE + ".domain..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(BASE + ".domain.shared.StoredRows")
                .because("only the domain's stored(...) factories turn the input rules off"));
    }

    @Test
    void noFloatingPointInTheDomain() {
        check(noFields()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage(BASE + ".domain..")
                .should()
                .haveRawType(double.class)
                .orShould()
                .haveRawType(float.class)
                .orShould()
                .haveRawType(Double.class)
                .orShould()
                .haveRawType(Float.class));
    }

    @Test
    void noWallClockInDomainOrApplication() {
        check(noClasses()
                .that()
                .resideInAnyPackage(BASE + ".domain..", BASE + ".application..")
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .orShould()
                .callMethod(java.time.OffsetDateTime.class, "now")
                .orShould()
                .callMethod(java.time.ZonedDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .because("time comes from an injected Clock"));
    }

    @Test
    void noFieldInjectionNoJulNoSystemOut() {
        check(noFields()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage(BASE + "..")
                .should()
                .beAnnotatedWith(jakarta.inject.Inject.class)
                .because("dependencies come through constructors"));
        check(noClasses()
                .that()
                .resideInAPackage(BASE + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.util.logging.."));
        check(noClasses()
                .that()
                .resideInAPackage(BASE + "..")
                .and()
                .doNotHaveSimpleName("Main")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err"));
    }

    @Test
    void inboundAndOutboundPortsDoNotReferenceEachOther() {
        // two filters still declared in their repository and taken by a use case; they move beside the ports
        // (as LeadQuery and CompanyQuery did) when the catalog and the registrations next change
        DescribedPredicate<HasName> knownExceptions = HasName.Predicates.nameMatching(
                ".*\\.application\\.(catalog|registration)\\.port\\.out\\.(ProductRepository|RegistrationRepository)\\$Filter");
        check(noClasses()
                .that()
                .resideInAPackage(BASE + ".application..port.in..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage(BASE + ".application..port.out..")
                        .and(DescribedPredicate.not(knownExceptions)))
                .because("a use case's commands and results are not a repository's types; shared records live beside"
                        + " the ports (application.lead.LeadQuery …)"));
        check(noClasses()
                .that()
                .resideInAPackage(BASE + ".application..port.out..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".application..port.in..")
                .because("an outbound port is implemented by an adapter that knows no use case"));
    }

    @Test
    void generalCodingRulesHold() {
        check(GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS);
        check(GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING);
        check(GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION);
        check(GeneralCodingRules.NO_CLASSES_SHOULD_USE_JODATIME);
        check(noClasses()
                .that()
                .doNotHaveSimpleName("Main")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("the service logs through System.Logger; only Main prints (the generated admin password)"));
    }

    @Test
    void caseConversionAndFormattingAreLocaleIndependent() {
        check(noClasses()
                .that()
                .resideInAPackage(BASE + "..")
                .should()
                .callMethod(String.class, "toLowerCase")
                .orShould()
                .callMethod(String.class, "toUpperCase")
                .orShould()
                .callMethod(String.class, "format", String.class, Object[].class)
                .orShould()
                .callMethod(String.class, "formatted", Object[].class)
                .because("identifiers, codes and SQL must not change with the JVM's default locale (a Turkish 'i'):"
                        + " Locale.ROOT, or an explicit Locale where the text is for a reader"));
    }

    @Test
    void serviceClassesArePublicApplicationBeans() {
        check(classes()
                .that()
                .resideInAPackage(BASE + ".application..service..")
                .and()
                .haveSimpleNameEndingWith("Service")
                .and(DescribedPredicate.describe(
                        "concrete", (JavaClass c) -> !c.getModifiers().contains(JavaModifier.ABSTRACT)))
                .should()
                .beAnnotatedWith(jakarta.enterprise.context.ApplicationScoped.class));
        check(fields().that()
                .areDeclaredInClassesThat()
                .resideInAPackage(BASE + ".application..service..")
                .and()
                .areNotStatic()
                .should()
                .beFinal());
    }

    @Test
    void theApplicationChoosesGatewaysThroughItsPortNotTheContainer() {
        check(noClasses()
                .that()
                .resideInAPackage(BASE + ".application..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(jakarta.enterprise.inject.Instance.class)
                .because("a service picks a provider's adapter through ProviderGateways, built from CDI in bootstrap"
                        + " (GatewayWiring), so that a use-case test needs no container"));
    }
}
