using AiEngineer.Core.Conference;

namespace AiEngineer.Web.Pages.Schedule;

/// <summary>
/// One day laid out as a table: a row per start time, a column per room. An entry spans the rows it runs through;
/// an entry for every room (lunch, registration) spans the columns. The table needs no inline styles, which the
/// site's Content-Security-Policy forbids. Entries that clash share a cell, so nothing is hidden.
/// </summary>
public sealed class ScheduleGrid<T>
{
    public sealed class Cell
    {
        public List<T> Items { get; } = [];
        public int RowSpan { get; set; } = 1;
        public int ColSpan { get; set; } = 1;
        /// <summary>Part of another cell's span: the table leaves it out.</summary>
        public Cell? CoveredBy { get; set; }
    }

    public IReadOnlyList<DateTime> Rows { get; }
    public IReadOnlyList<Room> Rooms { get; }
    public Cell[,] Cells { get; }

    public ScheduleGrid(IEnumerable<T> items, IReadOnlyList<Room> rooms, IEnumerable<DateTime> extraRowStarts,
        Func<T, DateTime> start, Func<T, DateTime> end, Func<T, int?> roomId)
    {
        var list = items.OrderBy(start).ToList();
        Rooms = rooms;
        Rows = list.Select(start).Concat(extraRowStarts).Distinct().Order().ToList();
        Cells = new Cell[Rows.Count, Math.Max(1, rooms.Count)];
        for (var r = 0; r < Rows.Count; r++)
            for (var c = 0; c < Cells.GetLength(1); c++)
                Cells[r, c] = new Cell();

        foreach (var item in list)
        {
            var row = IndexOf(Rows, start(item));
            var rowSpan = Math.Max(1, Rows.Count(t => t >= start(item) && t < end(item)));
            var (col, colSpan) = roomId(item) is { } id
                ? (rooms.Select(r => r.Id).ToList().IndexOf(id), 1)
                : (0, Cells.GetLength(1));
            if (col < 0) continue;
            var anchor = Cells[row, col];
            var owner = anchor.CoveredBy ?? anchor;
            if (owner != anchor || anchor.Items.Count > 0 || !SpanFree(row, col, rowSpan, colSpan))
            {
                owner.Items.Add(item);
                continue;
            }
            anchor.Items.Add(item);
            anchor.RowSpan = rowSpan;
            anchor.ColSpan = colSpan;
            for (var r = row; r < row + rowSpan; r++)
                for (var c = col; c < col + colSpan; c++)
                    if (r != row || c != col) Cells[r, c].CoveredBy = anchor;
        }
    }

    private bool SpanFree(int row, int col, int rowSpan, int colSpan)
    {
        for (var r = row; r < row + rowSpan; r++)
            for (var c = col; c < col + colSpan; c++)
                if ((r != row || c != col) && (Cells[r, c].Items.Count > 0 || Cells[r, c].CoveredBy is not null)) return false;
        return true;
    }

    private static int IndexOf(IReadOnlyList<DateTime> rows, DateTime t)
    {
        for (var i = 0; i < rows.Count; i++) if (rows[i] == t) return i;
        return 0;
    }
}
