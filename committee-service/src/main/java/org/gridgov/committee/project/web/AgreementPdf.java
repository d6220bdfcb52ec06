package org.gridgov.committee.project.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.gridgov.committee.project.ProjectService;
import org.gridgov.committee.project.domain.Agreement;
import org.gridgov.committee.project.domain.Milestone;
import org.gridgov.committee.project.domain.Project;
import org.gridgov.contracts.Category;
import org.gridgov.kit.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

/**
 * The claim agreement (项目认领书) as a printable A4 PDF (Apache PDFBox), the same content as its JSON document:
 * number, community, year, project, unit, signatory (masked as in the JSON), commitments, milestones and when it was
 * signed. Chinese needs a CJK font embedded in the file: {@code gridgov.committee.agreement-font} names a TrueType
 * font or collection (by default WenQuanYi Zen Hei, Debian's {@code fonts-wqy-zenhei}, whose licence allows
 * embedding); only the glyphs used are embedded. Without that font there is no PDF (406): the JSON has it all.
 * The font is parsed once and a sample rendered when the service is ready, so that a print answers well within the
 * gateway's time limit.
 */
@Component
class AgreementPdf {

    static final String MEDIA_TYPE = "application/pdf";

    private static final float MARGIN = 56;
    private static final float SIZE = 11;
    private static final float LEADING = 18;
    private static final DateTimeFormatter SIGNED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final Logger LOG = LoggerFactory.getLogger(AgreementPdf.class);
    /** What the warm-up renders: every kind of line the real documents have. */
    private static final ProjectService.Printable SAMPLE = new ProjectService.Printable(
            Project.open(UUID.randomUUID(), 2026, "示例项目", Category.OTHER, null, List.of(), null, Instant.EPOCH),
            new Agreement(UUID.randomUUID(), "2026-000", UUID.randomUUID(), "示例", "按期完成 sample",
                    List.of(new Milestone("节点", LocalDate.EPOCH, null)), Instant.EPOCH),
            "示例", "社区", "单位");

    private final Path font;
    private TrueTypeFont loaded;

    AgreementPdf(@Value("${gridgov.committee.agreement-font}") String font) {
        this.font = Path.of(font);
    }

    /**
     * Renders one agreement. One at a time: the parsed font is kept for the life of the service (parsing the CJK
     * collection costs about a second) and its glyphs are read again when each document's subset is written.
     */
    synchronized byte[] render(ProjectService.Printable printable) {
        Agreement agreement = printable.agreement();
        Project project = printable.project();
        try (PDDocument document = new PDDocument()) {
            PDType0Font type0 = PDType0Font.load(document, font(), true);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("项目认领书 " + agreement.number());
            info.setCreator("GridGov committee-service");
            Writer writer = new Writer(document, type0);
            writer.line("项目认领书", 20);
            writer.line("编号 No. " + agreement.number(), SIZE);
            writer.gap();
            writer.field("社区 Community", printable.community() + "（" + project.year() + " 年度）");
            writer.field("项目 Project", project.title());
            writer.field("认领单位 Unit", printable.unit());
            writer.field("签约人 Signatory", printable.signatory());
            writer.field("签订时间 Signed", SIGNED.format(agreement.signedAt()));
            writer.gap();
            writer.line("承诺事项 Commitments", SIZE);
            writer.paragraph(agreement.commitments());
            writer.gap();
            writer.line("节点 Milestones", SIZE);
            int i = 1;
            for (Milestone milestone : agreement.milestones()) {
                writer.paragraph(i++ + ". " + milestone.title() + " — " + milestone.dueDate()
                        + (milestone.reachedAt() == null ? "" : "（已完成 " + SIGNED.format(milestone.reachedAt()) + "）"));
            }
            writer.gap();
            writer.paragraph("本认领书经签订后不再更改。项目 " + agreement.projectId() + "，单位 " + agreement.unitId() + "。");
            writer.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The font, parsed on first use (or at the warm-up); a printable agreement without it is a 406. */
    private TrueTypeFont font() throws IOException {
        if (loaded == null) {
            if (!Files.isReadable(font)) {
                throw new ProblemException(HttpStatus.NOT_ACCEPTABLE, "no-printable-agreement", "The printable agreement "
                        + "needs a CJK font, which is not installed on this server; the JSON document "
                        + "(Accept: application/json) has the same content.");
            }
            if (font.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(font.toFile());
                List<TrueTypeFont> fonts = new ArrayList<>();
                collection.processAllFonts(fonts::add);
                loaded = fonts.get(0);
            } else {
                loaded = new TTFParser().parse(new RandomAccessReadBufferedFile(font.toFile()));
            }
        }
        return loaded;
    }

    /** Parses the font and renders a sample once the service is up, in the background, so the first print is quick. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!Files.isReadable(font)) {
            LOG.warn("No CJK font at {} (COMMITTEE_AGREEMENT_FONT): the printable agreement answers 406", font);
            return;
        }
        Schedulers.boundedElastic().schedule(() -> {
            try {
                render(SAMPLE);
            } catch (RuntimeException e) {
                LOG.warn("The printable agreement's font {} could not be used: {}", font, e.toString());
            }
        });
    }

    /** Writes lines down A4 pages, wrapping long text by its width and starting a new page when one is full. */
    private static final class Writer {

        private final PDDocument document;
        private final PDType0Font font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void field(String label, String value) throws IOException {
            paragraph(label + "：" + value);
        }

        void gap() {
            y -= LEADING / 2;
        }

        void paragraph(String text) throws IOException {
            for (String line : printable(text).split("\n", -1)) {
                for (String piece : wrap(line)) {
                    line(piece, SIZE);
                }
            }
        }

        void line(String text, float size) throws IOException {
            if (y < MARGIN + LEADING) {
                stream.close();
                newPage();
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(printable(text));
            stream.endText();
            y -= Math.max(LEADING, size * 1.5f);
        }

        void close() throws IOException {
            stream.close();
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        /** Chinese has no spaces to break at: breaks before the character that would overflow the line. */
        private List<String> wrap(String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (int offset = 0; offset < text.length(); ) {
                int codePoint = text.codePointAt(offset);
                String next = line + new String(Character.toChars(codePoint));
                if (line.length() > 0 && font.getStringWidth(next) / 1000 * SIZE > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                } else {
                    offset += Character.charCount(codePoint);
                    line.setLength(0);
                    line.append(next);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        /** What the font cannot draw (control characters, a glyph it lacks) is shown as a replacement, never a failure. */
        private String printable(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(codePoint -> {
                if (codePoint == '\n') {
                    out.append('\n');
                } else if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.SURROGATE) {
                    out.append(' ');
                } else {
                    String character = new String(Character.toChars(codePoint));
                    out.append(drawable(character) ? character : "?");
                }
            });
            return out.toString();
        }

        private boolean drawable(String character) {
            try {
                font.encode(character);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }
}
