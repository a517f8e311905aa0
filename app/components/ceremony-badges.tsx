/** Readable status of a ceremony occurrence: cancelled, moved, today. */
export function CeremonyBadges({ ceremony, today }: { ceremony: { cancelled: boolean; moved: boolean; date: string }; today: string }) {
  return (
    <span className="row-actions">
      {ceremony.cancelled ? <span className="status status--cancelled">Cancelled</span> : null}
      {ceremony.moved && !ceremony.cancelled ? <span className="status status--moved">Moved</span> : null}
      {ceremony.date === today && !ceremony.cancelled ? <span className="status status--today">Today</span> : null}
      {!ceremony.cancelled && !ceremony.moved && ceremony.date !== today ? <span className="muted">Planned</span> : null}
    </span>
  );
}
