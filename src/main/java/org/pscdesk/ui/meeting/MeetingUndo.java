package org.pscdesk.ui.meeting;

import java.util.ArrayDeque;
import java.util.Deque;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.pscdesk.store.WorkspaceException;

/**
 * Undo and redo of the room's edits during one meeting session (places added or taken off, ranking, dots,
 * narratives, decisions, attendance). Each edit is already saved in its own transaction; undoing it is
 * another saved edit, so the audit log and the narratives' wordings keep the whole story. Text typed in a
 * field has the field's own undo (Ctrl+Z while typing).
 */
final class MeetingUndo {

    /** One side of an edit: a store call. */
    interface Step {
        void run() throws WorkspaceException;
    }

    private record Edit(String what, Step undo, Step redo) {
    }

    private static final int LIMIT = 200;
    private final Deque<Edit> done = new ArrayDeque<>();
    private final Deque<Edit> undone = new ArrayDeque<>();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("");

    /** Does an edit and remembers how to undo it; a failed edit is not remembered. */
    void perform(String what, Step redo, Step undo) throws WorkspaceException {
        redo.run();
        done.push(new Edit(what, undo, redo));
        if (done.size() > LIMIT) {
            done.removeLast();
        }
        undone.clear();
        texts();
    }

    /** Undoes the last edit; returns what it was, or null when there is none. */
    String undo() throws WorkspaceException {
        Edit e = done.peek();
        if (e == null) {
            return null;
        }
        e.undo().run(); // stays on the stack if the store refuses
        undone.push(done.pop());
        texts();
        return e.what();
    }

    /** Does the last undone edit again; returns what it was, or null. */
    String redo() throws WorkspaceException {
        Edit e = undone.peek();
        if (e == null) {
            return null;
        }
        e.redo().run();
        done.push(undone.pop());
        texts();
        return e.what();
    }

    /** A new meeting is shown: its edits start afresh. */
    void clear() {
        done.clear();
        undone.clear();
        texts();
    }

    /** "Undo: dots for Old Mill", or empty. */
    ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    private void texts() {
        undoText.set(done.isEmpty() ? "" : done.peek().what());
        redoText.set(undone.isEmpty() ? "" : undone.peek().what());
    }
}
