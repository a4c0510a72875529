namespace Tutor.Generator.Numerics
{
    /// <summary>
    /// Every NUM diagnostic ID. NUM0001–NUM0030 follow the rows of the catalogue in NUMERICS.md; the later ones are
    /// the second halves of rows 21 and 30, the .NET false friends and the gradient hazards. IDs are never reused.
    /// </summary>
    public static class NumericsRuleIds
    {
        /// <summary>NUM0001.</summary>
        public const string LogOfSoftmaxRatio = "NUM0001";
        /// <summary>NUM0002.</summary>
        public const string LogOfSumOfExps = "NUM0002";
        /// <summary>NUM0003.</summary>
        public const string LogOfExpSum = "NUM0003";
        /// <summary>NUM0004.</summary>
        public const string SoftmaxWithoutShift = "NUM0004";
        /// <summary>NUM0005.</summary>
        public const string LogOfSoftmax = "NUM0005";
        /// <summary>NUM0006.</summary>
        public const string NaiveSoftplus = "NUM0006";
        /// <summary>NUM0007.</summary>
        public const string SigmoidRatio = "NUM0007";
        /// <summary>NUM0008.</summary>
        public const string LogOfSigmoid = "NUM0008";
        /// <summary>NUM0009.</summary>
        public const string OneMinusSigmoid = "NUM0009";
        /// <summary>NUM0010.</summary>
        public const string BinaryCrossEntropy = "NUM0010";
        /// <summary>NUM0011.</summary>
        public const string LogOnePlus = "NUM0011";
        /// <summary>NUM0012.</summary>
        public const string ExpMinusOne = "NUM0012";
        /// <summary>NUM0013.</summary>
        public const string LogOneMinus = "NUM0013";
        /// <summary>NUM0014.</summary>
        public const string ExpMinusOneOverX = "NUM0014";
        /// <summary>NUM0015.</summary>
        public const string LogOneMinusExp = "NUM0015";
        /// <summary>NUM0016.</summary>
        public const string PowOnePlus = "NUM0016";
        /// <summary>NUM0017.</summary>
        public const string NaiveHypot = "NUM0017";
        /// <summary>NUM0018.</summary>
        public const string LogCosh = "NUM0018";
        /// <summary>NUM0019.</summary>
        public const string HandWrittenHyperbolic = "NUM0019";
        /// <summary>NUM0020.</summary>
        public const string HandWrittenInverseHyperbolic = "NUM0020";
        /// <summary>NUM0021.</summary>
        public const string LogOfExp = "NUM0021";
        /// <summary>NUM0022.</summary>
        public const string OneMinusCos = "NUM0022";
        /// <summary>NUM0023.</summary>
        public const string SqrtDifference = "NUM0023";
        /// <summary>NUM0024.</summary>
        public const string QuadraticFormula = "NUM0024";
        /// <summary>NUM0025.</summary>
        public const string ReciprocalDifference = "NUM0025";
        /// <summary>NUM0026.</summary>
        public const string DifferenceOfSquares = "NUM0026";
        /// <summary>NUM0027.</summary>
        public const string NaiveVariance = "NUM0027";
        /// <summary>NUM0028.</summary>
        public const string NaiveMidpoint = "NUM0028";
        /// <summary>NUM0029.</summary>
        public const string XLogY = "NUM0029";
        /// <summary>NUM0030.</summary>
        public const string AtanOfRatio = "NUM0030";
        /// <summary>NUM0031.</summary>
        public const string ExpOfLog = "NUM0031";
        /// <summary>NUM0032.</summary>
        public const string FloatingEquality = "NUM0032";
        /// <summary>NUM0033.</summary>
        public const string LogP1FalseFriend = "NUM0033";
        /// <summary>NUM0034.</summary>
        public const string SqrtAtZeroGradient = "NUM0034";
        /// <summary>NUM0035.</summary>
        public const string UntakenBranchGradient = "NUM0035";
        /// <summary>NUM0036.</summary>
        public const string KinkGradient = "NUM0036";
    }
}
