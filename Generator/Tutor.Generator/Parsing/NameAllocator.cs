using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Tutor.Generator.Parsing
{
    /// <summary>
    /// Names for the IR. Every name n also claims nBar (its adjoint) and nDot (its tangent), so no generated name
    /// can collide with a student's identifier or with another generated name.
    /// </summary>
    internal sealed class NameAllocator
    {
        readonly HashSet<string> user = new HashSet<string>();
        readonly HashSet<string> taken = new HashSet<string>();
        readonly Dictionary<string, int> versions = new Dictionary<string, int>();
        int temps;
        int constants;

        public NameAllocator(MethodDeclarationSyntax method)
        {
            foreach (var token in method.DescendantTokens())
                if (token.IsKind(SyntaxKind.IdentifierToken)) user.Add(token.ValueText);
        }

        /// <summary>
        /// The name generated code uses for a parameter's value: its own name, unless that is a C# keyword or its
        /// adjoint or tangent name is another parameter's name; then a fresh one.
        /// </summary>
        public string Parameter(string name, IEnumerable<string> allParameters)
        {
            bool clash = Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
                || allParameters.Any(p => p == name + "Bar" || p == name + "Dot");
            if (!clash && IsFree(name, allowUser: true)) return Claim(name);
            return Fresh(name + "In");
        }

        /// <summary>A fresh name built from <paramref name="stem"/>: the stem itself when free, else stem_2, stem_3 ...</summary>
        public string Fresh(string stem)
        {
            if (IsFree(stem, allowUser: false)) return Claim(stem);
            for (int k = 2; ; k++)
            {
                var candidate = stem + "_" + k;
                if (IsFree(candidate, allowUser: false)) return Claim(candidate);
            }
        }

        /// <summary>The name of the next value of local <paramref name="local"/>: the local's own name first, then local_2 ...</summary>
        public string Version(string local)
        {
            versions.TryGetValue(local, out int count);
            if (count == 0 && IsFree(local, allowUser: true))
            {
                versions[local] = 1;
                return Claim(local);
            }
            for (int k = count < 2 ? 2 : count + 1; ; k++)
            {
                var candidate = local + "_" + k;
                if (IsFree(candidate, allowUser: false))
                {
                    versions[local] = k;
                    return Claim(candidate);
                }
            }
        }

        /// <summary>The next temporary: t1, t2, ... (numbers a student's identifier already uses are skipped).</summary>
        public string Temp()
        {
            while (true)
            {
                var candidate = "t" + (++temps);
                if (IsFree(candidate, allowUser: false)) return Claim(candidate);
            }
        }

        /// <summary>The next name for a constant subexpression: c1, c2, ...</summary>
        public string Constant()
        {
            while (true)
            {
                var candidate = "c" + (++constants);
                if (IsFree(candidate, allowUser: false)) return Claim(candidate);
            }
        }

        bool IsFree(string name, bool allowUser)
        {
            if (Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None) return false;
            foreach (var n in new[] { name, name + "Bar", name + "Dot" })
            {
                if (taken.Contains(n)) return false;
                if (!allowUser && user.Contains(n)) return false;
            }
            // A local may keep its own name, but not when its adjoint or tangent name is one of the student's.
            if (allowUser && (user.Contains(name + "Bar") || user.Contains(name + "Dot"))) return false;
            return true;
        }

        string Claim(string name)
        {
            taken.Add(name);
            taken.Add(name + "Bar");
            taken.Add(name + "Dot");
            return name;
        }
    }
}
