using System.Text;

namespace Tutor;

/// <summary>Turns code names into the notation of the lessons: subscripts, bars for adjoints, dots for tangents.</summary>
public static class TraceNames
{
    const char CombiningMacron = '\u0304';
    const char CombiningDotAbove = '\u0307';

    /// <summary>
    /// The math name for a code name: <c>t12</c> → t₁₂, <c>xBar</c> → x̄, <c>t3Bar</c> → t̄₃, <c>y_2</c> → y₂,
    /// <c>xDot</c> → ẋ. The accent goes on the letters, before the subscript. Names that fit none of these
    /// patterns come back unchanged.
    /// </summary>
    public static string Pretty(string codeName)
    {
        ArgumentNullException.ThrowIfNull(codeName);
        string name = codeName;
        char? accent = null;
        if (name.Length > 3 && name.EndsWith("Bar", StringComparison.Ordinal)) { accent = CombiningMacron; name = name[..^3]; }
        else if (name.Length > 3 && name.EndsWith("Dot", StringComparison.Ordinal)) { accent = CombiningDotAbove; name = name[..^3]; }

        int digitsStart = name.Length;
        while (digitsStart > 0 && char.IsAsciiDigit(name[digitsStart - 1])) digitsStart--;
        string letters = name[..digitsStart];
        string digits = name[digitsStart..];
        if (digits.Length > 0 && letters.EndsWith('_')) letters = letters[..^1];
        if (letters.Length == 0 || !IsPlainIdentifier(letters)) return codeName;

        var sb = new StringBuilder(letters);
        if (accent is char a) Accent(sb, a);
        foreach (char d in digits) sb.Append((char)('₀' + (d - '0')));
        return sb.ToString();
    }

    // Precomposed where Unicode has the letter, as NFC would give (ẋ is U+1E8B, ȳ is U+0233); x̄ has none and keeps
    // the combining macron. Written out because string.Normalize does nothing under invariant globalization.
    const string DotLetters = "abcdefghmnoprstwxyzABCDEFGHIMNOPRSTWXYZ", DotComposed = "ȧḃċḋėḟġḣṁṅȯṗṙṡṫẇẋẏżȦḂĊḊĖḞĠḢİṀṄȮṖṘṠṪẆẊẎŻ";
    const string MacronLetters = "aegiouyAEGIOUY", MacronComposed = "āēḡīōūȳĀĒḠĪŌŪȲ";

    static void Accent(StringBuilder sb, char accent)
    {
        char last = sb[^1];
        (string letters, string composed) = accent == CombiningDotAbove ? (DotLetters, DotComposed) : (MacronLetters, MacronComposed);
        int i = letters.IndexOf(last);
        if (i >= 0) sb[^1] = composed[i];
        else sb.Append(accent);
    }

    static bool IsPlainIdentifier(string s)
    {
        if (!char.IsLetter(s[0])) return false;
        foreach (char c in s)
            if (!char.IsLetterOrDigit(c) && c != '_') return false;
        return true;
    }
}
