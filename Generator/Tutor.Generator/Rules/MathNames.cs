using System.Text;

namespace Tutor.Rules
{
    /// <summary>
    /// Code names to the names of the lesson: t12 → t₁₂, xBar → x̄, t3Bar → t̄₃, y_2 → y₂, xDot → ẋ.
    /// Shared by the generator (comments in generated code) and the runtime (traces and reports).
    /// </summary>
    internal static class MathNames
    {
        const string Subscripts = "₀₁₂₃₄₅₆₇₈₉";

        public static string Pretty(string code)
        {
            if (code.EndsWith("Bar") && code.Length > 3) return Decorate(code.Substring(0, code.Length - 3), '\u0304');
            if (code.EndsWith("Dot") && code.Length > 3) return Decorate(code.Substring(0, code.Length - 3), '\u0307');
            return Plain(code);
        }

        /// <summary>Puts a combining mark (bar, dot) on the first letter: t3 → t̄₃.</summary>
        static string Decorate(string code, char mark)
        {
            var plain = Plain(code);
            return plain.Length == 0 ? plain : plain.Substring(0, 1) + mark + plain.Substring(1);
        }

        static string Plain(string code)
        {
            // t12 → t₁₂; y_2 → y₂; other names unchanged.
            int cut = code.Length;
            while (cut > 0 && char.IsDigit(code[cut - 1])) cut--;
            if (cut == code.Length || cut == 0) return code;
            var stem = code.Substring(0, cut);
            if (stem.EndsWith("_")) stem = stem.Substring(0, stem.Length - 1);
            else if (stem.Length != 1) return code;
            var result = new StringBuilder(stem);
            for (int i = cut; i < code.Length; i++) result.Append(Subscripts[code[i] - '0']);
            return result.ToString();
        }
    }
}
