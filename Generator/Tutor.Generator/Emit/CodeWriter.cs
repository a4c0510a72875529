using System.Text;

namespace Tutor.Generator.Emit
{
    /// <summary>An indented text writer: generated code is text for students to read, not a syntax tree.</summary>
    internal sealed class CodeWriter
    {
        readonly StringBuilder text = new StringBuilder();
        int depth;
        int lines;

        /// <summary>The 1-based line number in the generated file of the next line written.</summary>
        public int NextLine => lines + 1;

        /// <summary>
        /// While a generated method with tensor ops is written: each op call's name, generated line and the student's
        /// line it came from, for the exception filter that names the student's line on a shape error (TensorSites).
        /// </summary>
        public System.Collections.Generic.List<string>? Sites { get; set; }

        public void Line(string line = "")
        {
            if (line.Length > 0) text.Append(' ', depth * 4).Append(line);
            text.Append('\n');
            lines++;
        }

        /// <summary>A code line with a trailing comment aligned at a fixed column, so the comments read as a column.</summary>
        public void Line(string code, string comment)
        {
            const int column = 56;
            var padded = code.Length + depth * 4 < column ? code.PadRight(column - depth * 4) : code + "  ";
            Line(padded + "// " + comment);
        }

        public void Open(string line)
        {
            Line(line);
            Line("{");
            depth++;
        }

        public void Close(string suffix = "")
        {
            depth--;
            Line("}" + suffix);
        }

        public override string ToString() => text.ToString();
    }
}
