using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Tutor.Generator.Numerics.Rules;

namespace Tutor.Generator.Numerics
{
    /// <summary>
    /// The numerical-stability rules of NUMERICS.md. One analyzer hosts every rule so that each method body is walked
    /// once for its facts (which locals are assigned once, which loops accumulate Σ Exp) and so that a finding inside a
    /// larger fixable one is not reported twice; each rule lives in its own file under <c>Rules/</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NumericsAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly ImmutableArray<NumericsRule> Rules = ImmutableArray.Create<NumericsRule>(
            new LogOfSoftmaxRatioRule(),
            new LogOfSumOfExpsRule(),
            new LogOfExpSumRule(),
            new SoftmaxWithoutShiftRule(),
            new LogOfSoftmaxRule(),
            new NaiveSoftplusRule(),
            new SigmoidRatioRule(),
            new LogOfSigmoidRule(),
            new OneMinusSigmoidRule(),
            new BinaryCrossEntropyRule(),
            new LogOnePlusRule(),
            new ExpMinusOneRule(),
            new LogOneMinusRule(),
            new ExpMinusOneOverXRule(),
            new LogOneMinusExpRule(),
            new PowOnePlusRule(),
            new NaiveHypotRule(),
            new LogCoshRule(),
            new HandWrittenHyperbolicRule(),
            new HandWrittenInverseHyperbolicRule(),
            new LogOfExpRule(),
            new OneMinusCosRule(),
            new SqrtDifferenceRule(),
            new QuadraticFormulaRule(),
            new ReciprocalDifferenceRule(),
            new DifferenceOfSquaresRule(),
            new NaiveVarianceRule(),
            new NaiveMidpointRule(),
            new XLogYRule(),
            new AtanOfRatioRule(),
            new ExpOfLogRule(),
            new FloatingEqualityRule(),
            new LogP1FalseFriendRule(),
            new SqrtAtZeroGradientRule(),
            new UntakenBranchGradientRule(),
            new KinkGradientRule());

        static readonly ImmutableArray<OperationKind> Triggers = Rules.SelectMany(r => r.Triggers).Distinct().ToImmutableArray();

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            Rules.Select(r => r.Descriptor).Distinct().ToImmutableArray();

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = NumericsSymbols.Resolve(start.Compilation);
                if (symbols.Math is null)
                    return;
                start.RegisterOperationBlockStartAction(block => StartBlock(block, symbols));
            });
        }

        static void StartBlock(OperationBlockStartAnalysisContext block, NumericsSymbols symbols)
        {
            RuleContext rules;
            try
            {
                rules = new RuleContext(symbols, block.OperationBlocks, symbols.IsDifferentiable(block.OwningSymbol));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return;
            }
            block.RegisterOperationAction(c => Analyze(c.Operation, rules), Triggers);
            block.RegisterOperationBlockEndAction(c =>
            {
                try
                {
                    rules.Flush(c.ReportDiagnostic);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // An analyzer must never throw (AD0001); a rule that fails reports nothing.
                }
            });
        }

        static void Analyze(IOperation operation, RuleContext context)
        {
            foreach (var rule in Rules)
            {
                if (!rule.Triggers.Contains(operation.Kind) || rule.DifferentiableOnly && !context.InDifferentiable)
                    continue;
                try
                {
                    rule.Analyze(operation, context);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // An analyzer must never throw (AD0001); a rule that fails on odd code reports nothing.
                }
            }
        }
    }
}
