using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Tutor.Generator.Numerics
{
    /// <summary>
    /// One row of the catalogue: the operation kind it starts from and the match. A rule reports through
    /// <see cref="RuleContext.Report"/>, attaching the rewrite when the row is exact (kinds A and B).
    /// </summary>
    internal abstract class NumericsRule
    {
        public abstract DiagnosticDescriptor Descriptor { get; }

        /// <summary>The operations the pattern's root can be: a call such as Log, a binary operator.</summary>
        public abstract ImmutableArray<OperationKind> Triggers { get; }

        protected static readonly ImmutableArray<OperationKind> Invocation = ImmutableArray.Create(OperationKind.Invocation);
        protected static readonly ImmutableArray<OperationKind> Binary = ImmutableArray.Create(OperationKind.Binary);

        /// <summary>Gradient hazards only matter inside <c>[Differentiable]</c> methods.</summary>
        public virtual bool DifferentiableOnly => false;

        public abstract void Analyze(IOperation operation, RuleContext context);
    }
}
