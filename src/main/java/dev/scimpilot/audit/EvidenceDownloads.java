package dev.scimpilot.audit;

import dev.scimpilot.downloads.Download;
import dev.scimpilot.downloads.DownloadSource;
import dev.scimpilot.runs.RunRepository;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A run's evidence as Markdown and as JSON, rendered from the database when the link is opened. */
@Configuration(proxyBeanMethods = false)
class EvidenceDownloads {

    static final String MARKDOWN = "run-evidence-md";
    static final String JSON = "run-evidence-json";

    /** The subject of an evidence link: the run id and who asked for the export. */
    static String subject(String runId, String exportedBy) {
        return runId + "|" + exportedBy;
    }

    @Bean
    DownloadSource evidenceMarkdown(RunRepository runs, AuditLog audit, Clock clock) {
        return source(MARKDOWN, runs, audit, clock, (e, id) -> Download.text("run-" + id + "-evidence.md",
                "text/markdown", e.toMarkdown()));
    }

    @Bean
    DownloadSource evidenceJson(RunRepository runs, AuditLog audit, Clock clock) {
        return source(JSON, runs, audit, clock, (e, id) -> Download.text("run-" + id + "-evidence.json",
                "application/json", e.toJson()));
    }

    private static DownloadSource source(String kind, RunRepository runs, AuditLog audit, Clock clock,
                                         java.util.function.BiFunction<RunEvidence, String, Download> format) {
        return new DownloadSource() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Optional<Download> render(String subject) {
                String[] parts = subject.split("\\|", 2);
                return runs.find(parts[0]).map(run -> format.apply(RunEvidence.of(run, audit.forRun(run.id()),
                        parts.length > 1 ? parts[1] : "unknown", clock.instant()), run.shortId()));
            }
        };
    }
}
