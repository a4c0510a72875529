using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Tutor.Generator.Numerics
{
    /// <summary>
    /// One method body (operation block) as the rules see it: the resolved symbols, the facts about its locals, and
    /// the findings so far. Findings are reported when the block ends, so that a finding inside another one whose fix
    /// rewrites it (the Exp(x)/(1 + Exp(x)) inside Log(Exp(x)/(1 + Exp(x)))) is dropped.
    /// </summary>
    internal sealed partial class RuleContext
    {
        readonly ImmutableArray<IOperation> blocks;
        readonly List<Finding> findings = new List<Finding>();
        MethodFacts? facts;

        public RuleContext(NumericsSymbols symbols, ImmutableArray<IOperation> blocks, bool inDifferentiable)
        {
            Symbols = symbols;
            this.blocks = blocks;
            InDifferentiable = inDifferentiable;
        }

        public NumericsSymbols Symbols { get; }

        /// <summary>The block is the body of a <c>[Differentiable]</c> method.</summary>
        public bool InDifferentiable { get; }

        public MethodFacts Facts => facts ??= new MethodFacts(blocks);

        /// <summary>Records a finding at <paramref name="at"/>; <paramref name="fix"/> is null when no rewrite is offered.</summary>
        public void Report(DiagnosticDescriptor descriptor, IOperation at, Rewrite? fix, params string[] messageArguments)
        {
            if (fix is { Fixable: false })
                fix = null;
            var properties = fix is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(Rewrite.PropertyName, fix.Code);
            if (fix is { Hoisted: { } hoisted, HoistedCode: { } hoistedCode })
                properties = properties.Add(Rewrite.HoistPropertyName, hoisted).Add(Rewrite.HoistedCodePropertyName, hoistedCode);
            var diagnostic = Diagnostic.Create(descriptor, at.Syntax.GetLocation(), properties, messageArguments);
            lock (findings)
                findings.Add(new Finding(diagnostic, at.Syntax.SyntaxTree, fix is not null));
        }

        /// <summary>Reports every finding that is not strictly inside a fixable one.</summary>
        public void Flush(Action<Diagnostic> report)
        {
            List<Finding> snapshot;
            lock (findings)
                snapshot = new List<Finding>(findings);
            foreach (var finding in snapshot)
            {
                var span = finding.Diagnostic.Location.SourceSpan;
                bool inside = false;
                foreach (var outer in snapshot)
                {
                    var outerSpan = outer.Diagnostic.Location.SourceSpan;
                    if (outer.HasFix && outer.Tree == finding.Tree && outerSpan != span && outerSpan.Contains(span))
                    {
                        inside = true;
                        break;
                    }
                }
                if (!inside)
                    report(finding.Diagnostic);
            }
        }

        sealed class Finding
        {
            public Finding(Diagnostic diagnostic, SyntaxTree tree, bool hasFix)
            {
                Diagnostic = diagnostic;
                Tree = tree;
                HasFix = hasFix;
            }

            public Diagnostic Diagnostic { get; }
            public SyntaxTree Tree { get; }
            public bool HasFix { get; }
        }
    }
}
