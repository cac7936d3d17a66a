package io.creditlayer.service.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A PostgreSQL session-level advisory lock on a connection of its own, outside the pool: held while one worker
 * sends for an account, released after, and released by the server when the process dies, so a standby instance
 * takes over. A connection whose unlock failed is closed rather than reused, so a lock never outlives its holder.
 */
final class AccountLock implements AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private Connection connection;

    AccountLock(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password == null ? "" : password;
    }

    /** A lock of the same database on a session of its own. */
    AccountLock copy() {
        return new AccountLock(url, user, password);
    }

    /** @return whether the lock on {@code key} is now held by this session */
    synchronized boolean tryLock(String key) {
        try {
            if (connection == null || !connection.isValid(2)) {
                close();
                connection = DriverManager.getConnection(url, user, password);
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
                statement.setString(1, key);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("cannot take the outbox account lock: " + e.getMessage(), e);
        }
    }

    synchronized void unlock(String key) {
        if (connection == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
            statement.setString(1, key);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next() || !result.getBoolean(1)) {
                    close();
                }
            }
        } catch (SQLException e) {
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the session ends either way, and its advisory locks with it
            }
            connection = null;
        }
    }
}
