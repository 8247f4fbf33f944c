package io.nicsync.spi;

import java.util.Optional;

/**
 * What a step does, in one place: the symbol and the verb the plan shows, the word plan files and metrics name it
 * by, its rank in the order of one VM's steps, and which definition of the VM it changes.
 *
 * <p>Per VM, steps run in rank order: unplugs free slots first (live, then persistent), then repoints, adds and
 * the migration that brings staged adds in, link changes on kept NICs, the persistent definition following the
 * live one, and last the restart.
 */
public enum Action {
    UNPLUG(UnplugNic.class, '-', "unplug", "unplug", 1, Scope.LIVE),
    UNPERSIST(UnpersistNic.class, '~', "unpersist", "unpersist", 2, Scope.PERSISTENT),
    REPOINT(RepointNic.class, '~', "repoint", "repoint", 3, Scope.LIVE),
    ADD(AddNic.class, '+', "add", "add", 4, Scope.LIVE),
    MIGRATE(Migrate.class, '>', "migrate", "migrate", 5, Scope.VM),
    SET_LINK(SetLink.class, '~', "set-link", "link", 6, Scope.LIVE),
    PERSIST(PersistNic.class, '~', "persist", "persist", 7, Scope.PERSISTENT),
    RESTART_REQUIRED(RestartRequired.class, '!', "restart-required", "restart required", 8, Scope.VM);

    /** Which part of a VM a step changes. */
    public enum Scope {
        /** The running VM (and, where the platform has one definition, that definition). */
        LIVE,
        /** The persistent definition only. */
        PERSISTENT,
        /** The VM as a whole: a migration, a restart. */
        VM
    }

    private final Class<? extends Step> type;
    private final char symbol;
    private final String word;
    private final String verb;
    private final int rank;
    private final Scope scope;

    Action(Class<? extends Step> type, char symbol, String word, String verb, int rank, Scope scope) {
        this.type = type;
        this.symbol = symbol;
        this.word = word;
        this.verb = verb;
        this.rank = rank;
        this.scope = scope;
    }

    /** The step record that carries this action out: one each. */
    public Class<? extends Step> type() {
        return type;
    }

    /** {@code +} add, {@code -} unplug, {@code ~} change, {@code >} migrate, {@code !} restart required. */
    public char symbol() {
        return symbol;
    }

    /** The name in plan files, journals and metrics labels: {@code add}, {@code set-link}, ... */
    public String word() {
        return word;
    }

    /** How a plan line starts: {@code add}, {@code link}, {@code restart required}, ... */
    public String verb() {
        return verb;
    }

    /** The place in one VM's order, 1 first. */
    public int rank() {
        return rank;
    }

    public Scope scope() {
        return scope;
    }

    public static Optional<Action> ofWord(String word) {
        for (Action action : values()) {
            if (action.word.equals(word)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
