-- Two-factor enrolment in progress: the secret shown to the person as a QR code, kept here (never only in
-- the page) until they confirm it with a code from their app. Enrolments older than an hour are ignored.
ALTER TABLE staff
    ADD COLUMN pending_totp_secret text,
    ADD COLUMN pending_totp_since  timestamptz;
