namespace Tutor.Generator.Numerics
{
    /// <summary>
    /// The replacement a fix applies, written by the analyzer (which knows what each operand is) and carried to the
    /// fixer in the diagnostic's properties. <see cref="Code"/> uses fully qualified names that the fixer simplifies
    /// against the document's usings; <see cref="Display"/> is the short form for the message.
    /// </summary>
    public sealed class Rewrite
    {
        /// <summary>The diagnostic property that holds <see cref="Code"/>.</summary>
        public const string PropertyName = "NumericsRewrite";

        /// <summary>The runtime's helper type in a template.</summary>
        public const string Stable = "§S";

        /// <summary>Math, or MathF when the expression is float.</summary>
        public const string MathType = "§M";

        /// <summary>double or float.</summary>
        public const string Scalar = "§T";

        internal Rewrite(string template, bool single, bool fixable)
        {
            Fixable = fixable;
            Code = template.Replace(Stable, "global::Tutor.StableMath")
                .Replace(MathType, single ? "global::System.MathF" : "global::System.Math")
                .Replace(Scalar, single ? "float" : "double");
            Display = template.Replace(Stable, "StableMath")
                .Replace(MathType, single ? "MathF" : "Math")
                .Replace(Scalar, single ? "float" : "double");
        }

        /// <summary>The diagnostic property that holds <see cref="Hoisted"/>.</summary>
        public const string HoistPropertyName = "NumericsHoist";

        /// <summary>The diagnostic property that holds <see cref="HoistedCode"/>.</summary>
        public const string HoistedCodePropertyName = "NumericsHoistedCode";

        /// <summary>In <see cref="HoistedCode"/>: the name of the local that holds <see cref="Hoisted"/>.</summary>
        public const string HoistedLocal = "§H";

        /// <summary>
        /// An expression the fix computes once, in a local declared just before the loop the finding sits in (its value
        /// does not change in the loop), or null. <see cref="HoistedCode"/> is then the replacement that reads the local.
        /// </summary>
        public string? Hoisted { get; private set; }

        /// <summary>The replacement when <see cref="Hoisted"/> is computed before the loop; it names the local <see cref="HoistedLocal"/>.</summary>
        public string? HoistedCode { get; private set; }

        /// <summary>Asks the fixer to compute <paramref name="expression"/> once before the loop (same template rules as the rewrite).</summary>
        internal Rewrite Hoist(string expression, string template, bool single)
        {
            Hoisted = new Rewrite(expression, single, Fixable).Code;
            HoistedCode = new Rewrite(template, single, Fixable).Code;
            return this;
        }

        /// <summary>False when the operands cannot be copied to the rewrite's place; the message still shows it.</summary>
        public bool Fixable { get; }

        /// <summary>The replacement expression, with fully qualified names.</summary>
        public string Code { get; }

        /// <summary>The replacement as the message shows it.</summary>
        public string Display { get; }

        /// <inheritdoc />
        public override string ToString() => Display;
    }
}
