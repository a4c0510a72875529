using System.Globalization;
using System.Text;

namespace Tutor.Tensors;

public sealed partial class Tensor<T>
{
    const int EdgeItems = 3;

    /// <summary>
    /// The shape and the values, like NumPy: <c>Tensor&lt;float&gt; (2×3) [[1, 2, 3], [4, 5, 6]]</c>, rows on their
    /// own lines, with "…" in place of the middle of long rows and columns.
    /// </summary>
    public override string ToString()
    {
        var s = new StringBuilder();
        s.Append("Tensor<").Append(typeof(T) == typeof(float) ? "float" : typeof(T) == typeof(double) ? "double" : typeof(T).Name)
         .Append("> ").Append(Shape).Append(' ');
        if (Rank == 0) return s.Append(Format(buffer[offset])).ToString();
        if (Rank == 1) { AppendRow(s, 0, Rows, stride: 1); return s.ToString(); }
        s.Append('[');
        for (int r = 0; r < Rows; r++)
        {
            if (Skip(r, Rows)) { if (r == EdgeItems) s.Append(",\n  …"); continue; }
            if (r > 0) s.Append(",\n ");
            AppendRow(s, r * Columns, Columns, stride: 1);
        }
        return s.Append(']').ToString();
    }

    void AppendRow(StringBuilder s, int start, int count, int stride)
    {
        s.Append('[');
        for (int i = 0; i < count; i++)
        {
            if (Skip(i, count)) { if (i == EdgeItems) s.Append(", …"); continue; }
            if (i > 0) s.Append(", ");
            s.Append(Format(buffer[offset + start + i * stride]));
        }
        s.Append(']');
    }

    static bool Skip(int i, int count) => count > 2 * EdgeItems + 1 && i >= EdgeItems && i < count - EdgeItems;

    static string Format(T value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
