package io.creditlayer.service.zk;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/**
 * One borrower's entry in an epoch tree (tier_leaf, V6). The salt is the secret that hides the score behind the
 * public leaf: only the borrower's own session and the prover's stdin ever see it, so this class has no toString
 * that could print it.
 */
@Entity
@Table(name = "tier_leaf")
@IdClass(TierLeafRecord.Key.class)
public class TierLeafRecord extends PanacheEntityBase {
    @Id
    public long epoch;
    /** Lower-case 0x address. */
    @Id
    public String borrower;
    public int score;
    /** Decimal field element. Secret. */
    public String salt;
    @Column(name = "leaf_index")
    public int leafIndex;

    @Override
    public String toString() {
        return "TierLeafRecord[epoch=" + epoch + ", borrower=" + borrower + ", leafIndex=" + leafIndex + "]";
    }

    /** The composite key (epoch, borrower). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long epoch;
        public String borrower;

        public Key() {
        }

        public Key(long epoch, String borrower) {
            this.epoch = epoch;
            this.borrower = borrower;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.epoch == epoch && Objects.equals(k.borrower, borrower);
        }

        @Override
        public int hashCode() {
            return Objects.hash(epoch, borrower);
        }
    }
}
