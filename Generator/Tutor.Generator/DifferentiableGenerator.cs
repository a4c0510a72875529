using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tutor.Generator.Diagnostics;
using Tutor.Generator.Emit;
using Tutor.Generator.Model;
using Tutor.Generator.Parsing;

namespace Tutor.Generator
{
    /// <summary>
    /// Writes {Name}Gradient, {Name}Jvp, {Name}Trace and {Name}Derivation for every [Differentiable] method.
    /// This file is only the pipeline: Parsing/ builds the model, Emit/ writes the text.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DifferentiableGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var results = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    Parser.DifferentiableAttribute,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) => Parser.Parse(ctx, ct))
                .WithTrackingName(TrackingNames.Models);

            context.RegisterSourceOutput(results, static (spc, result) =>
            {
                foreach (var diagnostic in result.Diagnostics) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            });

            var models = results
                .Where(static r => r.Model is not null)
                .Select(static (r, _) => r.Model!)
                .WithTrackingName(TrackingNames.Valid);

            context.RegisterSourceOutput(models, static (spc, model) =>
            {
                string text;
                try
                {
                    text = SourceEmitter.Emit(model);
                }
                catch (Exception e)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, Location.None, model.Name, e.GetType().Name + ": " + e.Message));
                    return;
                }
                spc.AddSource(model.HintName, text);
            });
        }
    }
}
