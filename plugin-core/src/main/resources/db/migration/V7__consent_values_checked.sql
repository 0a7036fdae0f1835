-- The database itself refuses values the application could never have written, so a direct edit
-- can only change a record to another valid value, which the hash chain then exposes.
alter table consent_record add constraint consent_record_purpose_known
    check (purpose in ('MARKETING', 'SERVICE_COMMUNICATIONS', 'DATA_SHARING', 'PROFILING', 'LEGAL'));
alter table consent_record add constraint consent_record_status_known
    check (status in ('GRANTED', 'DENIED', 'REVOKED', 'EXPIRED'));
alter table consent_record add constraint consent_record_basis_known
    check (basis in ('EXPLICIT', 'IMPLICIT'));
alter table consent_record add constraint consent_record_source_known
    check (source in ('PREFERENCE_CENTRE', 'AGENT', 'IVR', 'EMAIL_LINK', 'SMS_KEYWORD', 'IMPORT', 'CRM_SYNC'));
