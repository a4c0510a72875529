namespace Tutor.Generator
{
    /// <summary>Names of the incremental pipeline's steps, so tests can check that an unrelated edit re-runs nothing.</summary>
    internal static class TrackingNames
    {
        /// <summary>Each [Differentiable] method parsed into its equatable model (with its diagnostics).</summary>
        public const string Models = nameof(Models);
        /// <summary>The models that parsed without errors, ready to emit.</summary>
        public const string Valid = nameof(Valid);
    }
}
