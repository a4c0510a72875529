namespace Tutor.Generator
{
    /// <summary>Compile-time constants as doubles, for the lowering and the numerics analyzers alike.</summary>
    internal static class Numbers
    {
        /// <summary>The value of a numeric constant (double, float, integer or decimal) as a double; null for anything else.</summary>
        public static double? ToDouble(object? value) => value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            short s => s,
            byte b => b,
            decimal m => (double)m,
            _ => null,
        };
    }
}
