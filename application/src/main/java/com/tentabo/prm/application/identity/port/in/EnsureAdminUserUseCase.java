package com.tentabo.prm.application.identity.port.in;

/** At start: make sure at least one admin account exists. */
public interface EnsureAdminUserUseCase {

    /**
     * @param username the configured admin username ({@code PRM_ADMIN_USERNAME}); "admin" when absent
     * @param password the configured password ({@code PRM_ADMIN_PASSWORD}); a random one is generated when absent
     * @param email    the admin's e-mail; {@code <username>@localhost} when absent
     */
    record EnsureAdminUserCommand(String username, String password, String email) {}

    /** What happened; {@code generatedPassword} is set only when a password had to be generated. */
    record EnsureAdminUserResult(boolean created, String username, String generatedPassword) {
        @Override
        public String toString() {
            return "EnsureAdminUserResult[created=" + created + ", username=" + username + "]";
        }
    }

    EnsureAdminUserResult ensureAdminUser(EnsureAdminUserCommand command);
}
