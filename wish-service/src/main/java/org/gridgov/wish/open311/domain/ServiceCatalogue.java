package org.gridgov.wish.open311.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.gridgov.contracts.Category;

/**
 * The wish categories as GeoReport v2 services: the service code is the category's name, every
 * service takes the same two optional attributes (a short title, and the date the resident would
 * like it done by), and every request is handled in real time (it becomes a wish at once).
 */
public final class ServiceCatalogue {

    /** An attribute of every service: {@code attribute[title]}, {@code attribute[wanted_by]}. */
    public record Attribute(String code, String datatype, boolean required, String datatypeDescription, int order,
                            String description) {
    }

    public record Service(String code, String name, String description, List<String> keywords, String group) {
    }

    public static final String TITLE = "title";
    public static final String WANTED_BY = "wanted_by";
    public static final int MAX_TITLE = 100;

    public static final List<Attribute> ATTRIBUTES = List.of(
            new Attribute(TITLE, "string", false, "At most " + MAX_TITLE + " characters", 1,
                    "A short title (默认取描述的第一行): what the resident asks for, without names or phone numbers"),
            new Attribute(WANTED_BY, "datetime", false, "A date (the end of that day) or an ISO 8601 time with a time zone, in the future", 2,
                    "When the resident would like it done (期望完成时间); earlier SLA deadlines follow it"));

    private ServiceCatalogue() {
    }

    public static List<Service> services() {
        return Arrays.stream(Category.values()).map(ServiceCatalogue::service).toList();
    }

    public static Optional<Service> find(String code) {
        return Arrays.stream(Category.values()).filter(c -> c.name().equals(code)).findFirst().map(ServiceCatalogue::service);
    }

    public static Service service(Category category) {
        return switch (category) {
            case ELDERLY_CARE -> new Service(category.name(), "为老服务 Elderly care",
                    "Help for elderly residents: shopping, visits, meals, accompanying to appointments",
                    List.of("elderly", "养老", "助老"), "people");
            case CHILD_CARE -> new Service(category.name(), "儿童关爱 Child care",
                    "Care and supervision for children, after-school help", List.of("children", "托管"), "people");
            case DISABILITY_SUPPORT -> new Service(category.name(), "助残服务 Disability support",
                    "Help for residents with disabilities", List.of("disability", "助残"), "people");
            case HEALTH -> new Service(category.name(), "健康服务 Health",
                    "Health checks, medicine, accompanying to hospital", List.of("health", "医疗"), "people");
            case LEGAL_AID -> new Service(category.name(), "法律援助 Legal aid",
                    "Legal advice and mediation", List.of("legal", "法律"), "advice");
            case EDUCATION -> new Service(category.name(), "教育辅导 Education",
                    "Tutoring, courses, learning materials", List.of("education", "辅导"), "advice");
            case EMPLOYMENT -> new Service(category.name(), "就业帮扶 Employment",
                    "Job search help and training", List.of("jobs", "就业"), "advice");
            case REPAIRS -> new Service(category.name(), "维修服务 Repairs",
                    "Small repairs in and around the home", List.of("repair", "维修"), "home");
            case ENVIRONMENT -> new Service(category.name(), "环境卫生 Environment",
                    "Cleaning, rubbish, greenery in the neighbourhood", List.of("environment", "卫生"), "neighbourhood");
            case SAFETY -> new Service(category.name(), "安全隐患 Safety",
                    "Fire, electrical and other safety hazards", List.of("safety", "安全", "消防"), "neighbourhood");
            case CULTURE -> new Service(category.name(), "文化活动 Culture",
                    "Cultural and community activities", List.of("culture", "文化"), "neighbourhood");
            case DONATION -> new Service(category.name(), "爱心捐赠 Donation",
                    "Goods or money for residents in need", List.of("donation", "捐赠"), "people");
            case OTHER -> new Service(category.name(), "其他 Other",
                    "Anything else a resident needs help with", List.of("other", "其他"), "other");
        };
    }
}
