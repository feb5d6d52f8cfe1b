package org.reprise.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportOutputTest {
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d.,]*(e[+-]\\d+)?");

    /** Copies the fixture results folder, with the manifest's title replaced. */
    private static Path fixtureWithTitle(Path dir, String title) throws IOException {
        Path source = ReportFixtures.ROOT.resolve(ReportFixtures.EXPERIMENT);
        Path target = dir.resolve("results").resolve(ReportFixtures.EXPERIMENT);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Path manifest = target.resolve("manifest.yaml");
        String yaml = Files.readString(manifest).replace("title: \"Fixture: copying with a 1-layer Transformer\"",
                "title: '" + title + "'");
        Files.writeString(manifest, yaml);
        return dir.resolve("results");
    }

    @Test
    void escapesAScriptTagInTheManifestTitle(@TempDir Path dir) throws IOException {
        Path results = fixtureWithTitle(dir, "Copying <script>alert(1)</script> & more");
        ReportBuilder builder = new ReportBuilder(results, dir.resolve("experiments"), dir.resolve("reports"));

        String report = Files.readString(builder.buildExperiment(ReportFixtures.EXPERIMENT));
        String index = Files.readString(builder.buildIndex());

        assertThat(report).contains("Copying &lt;script&gt;alert(1)&lt;/script&gt; &amp; more").doesNotContain("<script");
        assertThat(index).contains("&lt;script&gt;").doesNotContain("<script");
    }

    @Test
    void everyExportCarriesEveryNumberOfItsTable(@TempDir Path dir) throws IOException {
        ReportBuilder builder = new ReportBuilder(ReportFixtures.ROOT, dir.resolve("experiments"), dir.resolve("reports"));
        ReportModel model = builder.model(ReportFixtures.EXPERIMENT);

        builder.buildExperiment(ReportFixtures.EXPERIMENT);

        Path out = dir.resolve("reports").resolve(ReportFixtures.EXPERIMENT);
        for (Table table : model.tables()) {
            for (String ext : List.of("csv", "md", "tex")) {
                String export = Files.readString(out.resolve(table.id() + "." + ext));
                for (List<Cell> row : table.rows()) {
                    for (Cell cell : row) {
                        Matcher m = NUMBER.matcher(cell.text());
                        while (m.find()) {
                            assertThat(export).as("%s.%s holds %s from cell '%s'", table.id(), ext, m.group(), cell.text())
                                    .contains(m.group());
                        }
                    }
                }
            }
        }
        String csv = Files.readString(out.resolve("results.csv"));
        assertThat(csv.lines().findFirst()).hasValue("claim,metric,configuration,paper,ours,Δ,interval,effect size,p (Holm),verdict");
        assertThat(Files.readString(out.resolve("results.tex"))).contains("\\toprule", "\\midrule", "\\bottomrule",
                "0.9500 $\\pm$ 0.01414 (n=2)");
    }

    @Test
    void htmlShowsTheSameCellsAsTheModel(@TempDir Path dir) throws IOException {
        ReportBuilder builder = new ReportBuilder(ReportFixtures.ROOT, dir.resolve("experiments"), dir.resolve("reports"));
        ReportModel model = builder.model(ReportFixtures.EXPERIMENT);

        String html = Files.readString(builder.buildExperiment(ReportFixtures.EXPERIMENT));

        for (List<Cell> row : model.results().rows()) {
            for (Cell cell : row) {
                assertThat(html).contains(cell.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
            }
        }
        // no network requests: nothing is loaded from anywhere (the SVGs' xmlns URIs are names, not requests)
        assertThat(html).doesNotContain("src=", "href=\"http", "@import", "<script").contains("<svg")
                .doesNotContainPattern("url\\((?!#)");
    }

    @Test
    void refusesATemplateThatInstantiatesAClass() {
        assertThatThrownBy(() -> new TemplateRenderer().render("instantiates-a-class.ftlh", java.util.Map.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("instantiates-a-class.ftlh");
    }
}
