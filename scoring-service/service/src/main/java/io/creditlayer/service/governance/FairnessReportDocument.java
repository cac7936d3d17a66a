package io.creditlayer.service.governance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The exact bytes a fairness report's hash was taken over, and where the report came from. */
@Entity
@Table(name = "fairness_report_document")
public class FairnessReportDocument extends PanacheEntityBase {
    public enum Source {
        UPLOAD("upload"), SERVER_RUN("server-run");

        private final String id;

        Source(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    @Id
    @Column(name = "report_id")
    public Long reportId;
    @Column(name = "canonical_json")
    public String canonicalJson;
    @Column(name = "verdict_reason")
    public String verdictReason;
    @Column(name = "policy_sha256")
    public String policySha256;
    public String source;
    @Column(name = "submitted_by")
    public String submittedBy;
}
