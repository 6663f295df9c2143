-- The audit log is append-only: UPDATE and DELETE are rejected by the database itself.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW CALL 'org.ketasim.server.store.AppendOnlyTrigger';
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW CALL 'org.ketasim.server.store.AppendOnlyTrigger';
