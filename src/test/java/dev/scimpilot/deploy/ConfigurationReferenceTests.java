package dev.scimpilot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;

/**
 * The production configuration reference (deploy/README.md, section 7) is complete and true: every property the
 * application reads is a row, every row is a property the application reads, and the deployment files (Bicep, compose,
 * .env example, Dockerfile) set only documented variables.
 */
class ConfigurationReferenceTests {

    static final Path GUIDE = Path.of("deploy/README.md");
    static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| `([^`]+)` \\|", Pattern.MULTILINE);
    static final Pattern OTHER_ROW = Pattern.compile("^\\| (`[A-Z_][A-Za-z0-9_]*`(?:[ ,/]+`[A-Z_][A-Za-z0-9_]*`)*) \\|",
            Pattern.MULTILINE);
    static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    /** Every property SCIM Pilot reads: @ConfigurationProperties records, scimpilot.* in application.yml, datasource, PORT. */
    static Set<String> propertiesTheAppReads() throws ClassNotFoundException {
        Set<String> names = new TreeSet<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        int records = 0;
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.scimpilot")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.getProtectionDomain().getCodeSource().getLocation().toString().contains("test-classes")) {
                continue; // test and sandbox helpers
            }
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            assertThat(type.isRecord()).as("%s is a record", type).isTrue();
            for (var component : type.getRecordComponents()) {
                names.add(prefix + "." + kebab(component.getName()));
            }
            records++;
        }
        assertThat(records).as("@ConfigurationProperties records found").isGreaterThanOrEqualTo(8);
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("src/main/resources/application.yml"));
        yaml.getObject().stringPropertyNames().stream()
                .filter(k -> k.startsWith("scimpilot."))
                .map(k -> k.replaceAll("\\[\\d+]$", ""))
                .forEach(names::add);
        names.addAll(Set.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password", "PORT"));
        return names;
    }

    /** property → environment variable, from the guide's table. */
    static Map<String, String> documented() throws IOException {
        String guide = section7();
        Map<String, String> rows = new TreeMap<>();
        Matcher m = ROW.matcher(guide);
        while (m.find()) {
            rows.put(m.group(1), m.group(2));
        }
        return rows;
    }

    static String section7() throws IOException {
        String text = Files.readString(GUIDE);
        int start = text.indexOf("## 7. Configuration reference");
        assertThat(start).as("deploy/README.md has section 7, the configuration reference").isNotNegative();
        return text.substring(start);
    }

    @Test
    void everyPropertyTheAppReadsIsDocumentedAndNothingElse() throws Exception {
        Set<String> reads = propertiesTheAppReads();
        Map<String, String> rows = documented();
        assertThat(rows.keySet()).as("rows of the configuration reference in deploy/README.md section 7")
                .containsAll(reads);
        assertThat(reads).as("properties the application reads (a row names something that does not exist)")
                .containsAll(rows.keySet());
    }

    @Test
    void eachDocumentedVariableIsTheOneSpringBindsToItsProperty() throws Exception {
        String yml = Files.readString(Path.of("src/main/resources/application.yml"));
        documented().forEach((property, env) -> {
            if (yml.contains("${" + env + ":")) {
                return; // application.yml reads it as a placeholder (MicrosoftAppId, PORT)
            }
            // Bind the variable the way Spring reads the process environment, and look for the value at the property.
            var source = new SystemEnvironmentPropertySource("env", Map.of(env, "documented-value"));
            var bound = new Binder(ConfigurationPropertySources.from(source)).bind(property, String.class);
            assertThat(bound.orElse(null)).as("%s binds to %s", env, property).isEqualTo("documented-value");
        });
    }

    @Test
    void bicepSetsOnlyDocumentedVariables() throws Exception {
        Set<String> allowed = allowedVariables();
        Pattern envEntry = Pattern.compile("\\{\\s*name:\\s*'([^']+)',\\s*(?:value|secretRef):");
        Set<String> set = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("deploy/azure"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bicep")).toList()) {
                Matcher m = envEntry.matcher(Files.readString(file));
                while (m.find()) {
                    set.add(m.group(1));
                }
            }
        }
        assertThat(set).as("environment variables in deploy/azure/**/*.bicep").hasSizeGreaterThanOrEqualTo(15);
        assertThat(allowed).as("documented variables (deploy/README.md section 7)").containsAll(set);
        assertThat(set).as("the Bicep sets the secrets and ids production needs").contains("MicrosoftAppId",
                "MicrosoftAppPassword", "MicrosoftAppTenantId", "SCIMPILOT_GRAPH_CLIENT_ID", "SCIMPILOT_VAULT_URI",
                "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_PASSWORD", "SCIMPILOT_ACCESS_TECHNICIANS",
                "SCIMPILOT_ACCESS_APPROVERS", "SCIMPILOT_NINJAONE_CLIENT_SECRET", "AZURE_CLIENT_ID");
    }

    @Test
    void composeEnvExampleAndDockerfileSetOnlyDocumentedVariables() throws Exception {
        Set<String> allowed = allowedVariables();
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("deploy/compose.yaml")));
        @SuppressWarnings("unchecked")
        var bot = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("bot");
        @SuppressWarnings("unchecked")
        var environment = ((Map<String, Object>) bot.get("environment")).keySet();
        assertThat(allowed).as("variables in compose.yaml services.bot.environment").containsAll(environment);

        Set<String> example = new TreeSet<>();
        Matcher m = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=", Pattern.MULTILINE)
                .matcher(Files.readString(Path.of("deploy/.env.example")));
        while (m.find()) {
            example.add(m.group(1));
        }
        assertThat(example).hasSizeGreaterThanOrEqualTo(10);
        assertThat(allowed).as("variables in deploy/.env.example").containsAll(example);

        Set<String> dockerEnv = new TreeSet<>();
        Matcher env = Pattern.compile("(?m)^ENV ((?:.*\\\\\\n)*.*)$").matcher(Files.readString(Path.of("deploy/Dockerfile")));
        while (env.find()) {
            Matcher kv = Pattern.compile("(?:^|\\s)([A-Za-z_][A-Za-z0-9_]*)=").matcher(env.group(1).replaceAll("\"[^\"]*\"", "\"\""));
            while (kv.find()) {
                dockerEnv.add(kv.group(1));
            }
        }
        assertThat(dockerEnv).contains("JAVA_TOOL_OPTIONS", "PORT");
        assertThat(allowed).as("ENV in deploy/Dockerfile").containsAll(dockerEnv);
    }

    /** Documented property variables, their relaxed-binding names, and the guide's table of other variables. */
    static Set<String> allowedVariables() throws Exception {
        Set<String> allowed = new TreeSet<>();
        documented().forEach((property, env) -> {
            allowed.add(env);
            allowed.add(canonicalEnv(property));
        });
        Matcher other = OTHER_ROW.matcher(section7().substring(section7().indexOf("Other environment variables")));
        while (other.find()) {
            Matcher b = BACKTICKED.matcher(other.group(1));
            while (b.find()) {
                allowed.add(b.group(1));
            }
        }
        assertThat(allowed).contains("AZURE_CLIENT_ID", "APPLICATIONINSIGHTS_CONNECTION_STRING", "BOT_DOMAIN");
        return allowed;
    }

    /** Spring's environment variable for a property: dots to underscores, dashes removed, upper case. */
    static String canonicalEnv(String property) {
        return property.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
