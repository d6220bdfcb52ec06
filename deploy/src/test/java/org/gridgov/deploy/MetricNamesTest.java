package org.gridgov.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricNamesTest {

    @Test
    void reads_metrics_behind_functions_aggregations_and_grouping() {
        assertThat(MetricNames.in("histogram_quantile(0.99, sum by (application, le) (rate(http_server_requests_seconds_bucket{uri!~\"/actuator.*\"}[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
    }

    @Test
    void reads_both_sides_of_a_binary_operation_and_ignores_keywords_and_durations() {
        assertThat(MetricNames.in("sum(increase(a_total[1d])) / sum(increase(b_total[1d] offset 1h)) > bool 0.5 and on (community) c:recorded:ratio > 1e3"))
                .containsExactly("a_total", "b_total", "c:recorded:ratio");
    }

    @Test
    void label_values_and_strings_are_not_metrics() {
        assertThat(MetricNames.in("max by (application, client_id) (kafka_lag{topic=\"grid.events\", status=~\"x|y\"}) > 1000"))
                .containsExactly("kafka_lag");
        assertThat(MetricNames.in("label_replace(up, \"service\", \"$1\", \"job\", \"(.*)\")")).containsExactly("up");
    }

    @Test
    void grafana_variables_are_not_metrics() {
        assertThat(MetricNames.in("sum(rate(gridgov_outbox_published_total{application=~\"$application\"}[$__rate_interval]))"))
                .containsExactly("gridgov_outbox_published_total");
        assertThat(MetricNames.inVariableQuery("label_values(gridgov_wish_transitions_total, community)"))
                .containsExactly("gridgov_wish_transitions_total");
    }

    @Test
    void recorded_names_carry_a_colon() {
        assertThat(MetricNames.isRecorded("community:gridgov_wish_fulfilment:ratio_1d")).isTrue();
        assertThat(MetricNames.isRecorded("gridgov_outbox_backlog")).isFalse();
    }

    @Test
    void tells_the_labels_each_metric_is_selected_by() {
        assertThat(MetricNames.selectedLabels("sum by (community) (increase(a_total{community=~\"$community\", action=\"CLAIMED\"}[$__range]))"
                + " / b_total{uri!~\"/x{1}\"} + c_total"))
                .containsOnlyKeys("a_total", "b_total")
                .containsEntry("a_total", java.util.Set.of("action", "community"))
                .containsEntry("b_total", java.util.Set.of("uri"));
    }
}
