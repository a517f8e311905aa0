-- The readiness checklist a new installation starts with (SPEC A8); admins edit it.
INSERT INTO `checklist_template_items` (`text`, `position`) VALUES
  ('Support accounts created and tested', 1),
  ('A test support case opened', 2),
  ('Outage notifications tested', 3),
  ('Escalation procedure reviewed', 4),
  ('Education portal access confirmed', 5),
  ('Service-request process reviewed', 6),
  ('Support handbook handed over', 7);
