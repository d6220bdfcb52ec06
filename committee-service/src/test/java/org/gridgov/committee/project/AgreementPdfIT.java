package org.gridgov.committee.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gridgov.committee.CommitteeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The claim agreement (项目认领书) printed: a PDF that reads back with its number, unit and commitments, masked as the JSON. */
class AgreementPdfIT extends CommitteeIntegrationTest {

    /** Long enough to wrap onto several lines; ends with a house the font has no glyph for. */
    private static final String COMMITMENTS = "每月两次上门为辖区独居老人提供助餐、助洁、助医服务，".repeat(6) + "年底前完成全部验收🏠";

    @Test
    void the_signed_agreement_prints_as_a_pdf_with_its_number_unit_and_commitments_and_the_signatory_masked_for_residents()
            throws IOException {
        Committee committee = committee(1, 0);
        UUID unit = committee.units().get(0);
        UUID project = handMade(committee, "独居老人助餐");
        post("/api/projects/" + project + "/claim", unitToken(unit), null).expectStatus().isOk();
        String number = body(post("/api/projects/" + project + "/agreement", unitToken(unit), Map.of("signatory", "王建国",
                "commitments", COMMITMENTS, "milestones", List.of(Map.of("title", "组建志愿队", "dueDate", YEAR + "-04-30"),
                        Map.of("title", "全年服务", "dueDate", YEAR + "-12-31")))).expectStatus().isCreated())
                .path("number").asString();

        byte[] forResident = pdf("/api/projects/" + project + "/agreement", resident(committee.place().grid()))
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(forResident)) {
            String text = new PDFTextStripper().getText(document);
            String joined = text.replaceAll("\\s", "");
            assertThat(text).contains("项目认领书", number, "单位0", "独居老人助餐", "组建志愿队", YEAR + "-04-30",
                    "community-" + committee.community().toString().substring(0, 8));
            assertThat(joined).as("the commitments in full, wrapped").contains(COMMITMENTS.replace("🏠", "?"));
            assertThat(text).as("masked as in the JSON").contains("王**").doesNotContain("王建国");
            assertThat(fonts(document)).as("the CJK font travels with the file").isNotEmpty()
                    .allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
        }
        byte[] forAdmin = pdf("/api/projects/" + project + "/agreement", admin("STREET_ADMIN", committee.place().street()))
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(forAdmin)) {
            assertThat(new PDFTextStripper().getText(document)).contains("王建国");
        }
    }

    @Test
    void a_project_without_an_agreement_or_outside_the_community_is_a_404_problem_not_a_pdf() {
        Committee committee = committee(1, 0);
        UUID project = handMade(committee, "未签约项目");
        pdf("/api/projects/" + project + "/agreement", admin("COMMUNITY_ADMIN", committee.community()))
                .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        pdf("/api/projects/" + project + "/agreement", admin("COMMUNITY_ADMIN", UUID.randomUUID()))
                .expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec pdf(String uri, String token) {
        return web.get().uri(uri).headers(h -> {
            h.setBearerAuth(token);
            h.setAccept(List.of(MediaType.APPLICATION_PDF));
        }).exchange();
    }

    private static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }
}
