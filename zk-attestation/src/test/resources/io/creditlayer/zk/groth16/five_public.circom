pragma circom 2.0.0;

// A test circuit with five public inputs, the tier proof's count: x[0] = secret^2 + x[1]·x[2] + x[3]·x[4]
// (mod r), with secret a private input. Small enough for a 2^8 powers-of-tau file.
template FivePublic() {
    signal input x[5];
    signal input secret;
    signal square;
    signal left;
    signal right;
    square <== secret * secret;
    left <== x[1] * x[2];
    right <== x[3] * x[4];
    x[0] === square + left + right;
}

component main {public [x]} = FivePublic();
