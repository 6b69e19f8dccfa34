// Eigenvector centrality: power iteration on A + I, sped up by Lanczos.
//
// Plain power iteration needs about log(tolerance) / log(r) products with
// the matrix, r = (lambda_2 + 1) / (lambda_1 + 1): close to 1 on graphs with
// hubs (189 products at a million edges). The Krylov space of the same
// products holds a far better approximation of the leading eigenvector, so
// each round here is a short Lanczos run (Lanczos 1950; explicitly
// restarted from its Ritz vector: Saad, "Numerical Methods for Large
// Eigenvalue Problems", ch. 6) whose first product is also an ordinary
// power step. That power step is the stop test,
// exactly as in plain power iteration: the L1 change of the unit vector
// under one step of (A + I) x / |(A + I) x| below the tolerance, and the
// result is that step's vector. Starting from the uniform vector, the
// Krylov space only holds the uniform vector's projection on the leading
// eigenspace, so the limit is plain power iteration's, also on disconnected
// graphs. If a round fails to shrink the change (rounding at the end), the
// rest is plain power iteration. Deterministic: fixed order of every sum.
#include <cmath>
#include <limits>

#include "aikg/analytics.hpp"

namespace aikg {
namespace {

// Longest Lanczos round: without full reorthogonalisation the basis loses
// orthogonality as the Ritz vector converges, so a round longer than about
// 30 products gains less per product (measured at a million edges).
constexpr std::size_t kRoundLength = 28;

using Vector = std::vector<double>;

// y = (A + I) x.
void product(const Csr& g, const Vector& x, Vector& y) {
  const auto n = static_cast<VertexId>(g.num_vertices());
  const auto* offsets = g.offsets.data();
  const auto* adj = g.adj.data();
  for (VertexId v = 0; v < n; ++v) {
    double sum = x[v];  // the identity in A + I
    for (auto s = offsets[v]; s < offsets[v + 1]; ++s) sum += x[adj[s]];
    y[v] = sum;
  }
}

double dot(const Vector& a, const Vector& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return sum;
}

// y = product / |product|, and the L1 distance of y from x.
double power_step(const Vector& x, const Vector& product, Vector& y) {
  const double norm = std::sqrt(dot(product, product));
  double change = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    y[i] = product[i] / norm;
    change += std::abs(y[i] - x[i]);
  }
  return change;
}

// The eigenvector of the largest eigenvalue of a small symmetric matrix
// (m x m, row-major), by cyclic Jacobi rotations.
Vector top_eigenvector(Vector a, std::size_t m) {
  Vector q(m * m, 0.0);
  for (std::size_t i = 0; i < m; ++i) q[i * m + i] = 1;
  auto at = [&](std::size_t r, std::size_t c) -> double& { return a[r * m + c]; };
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0, diagonal = 0;
    for (std::size_t p = 0; p < m; ++p) {
      diagonal += at(p, p) * at(p, p);
      for (std::size_t r = p + 1; r < m; ++r) off += at(p, r) * at(p, r);
    }
    if (off <= 1e-32 * diagonal) break;
    for (std::size_t p = 0; p < m; ++p)
      for (std::size_t r = p + 1; r < m; ++r) {
        if (at(p, r) == 0) continue;
        const double theta = (at(r, r) - at(p, p)) / (2 * at(p, r));
        const double t = (theta >= 0 ? 1 : -1) / (std::abs(theta) + std::sqrt(theta * theta + 1));
        const double c = 1 / std::sqrt(t * t + 1), s = t * c;
        auto rotate = [&](double& x, double& y) {
          const double xp = x, yp = y;
          x = c * xp - s * yp, y = s * xp + c * yp;
        };
        for (std::size_t k = 0; k < m; ++k) rotate(at(k, p), at(k, r));
        for (std::size_t k = 0; k < m; ++k) rotate(at(p, k), at(r, k));
        for (std::size_t k = 0; k < m; ++k) rotate(q[k * m + p], q[k * m + r]);
      }
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < m; ++i)
    if (at(i, i) > at(best, best)) best = i;
  Vector s(m);
  for (std::size_t k = 0; k < m; ++k) s[k] = q[k * m + best];
  return s;
}

// Takes from w its components along basis[from..j] (classical
// Gram-Schmidt); adds the coefficients to h; returns |w|^2 after.
double orthogonalize(Vector& w, const std::vector<Vector>& basis, std::size_t from, std::size_t j, Vector& h) {
  const std::size_t n = w.size();
  double norm2 = 0;
  for (std::size_t i = from; i <= j; ++i) {
    const double c = dot(w, basis[i]);
    h[i] += c;
    const double* b = basis[i].data();
    for (std::size_t k = 0; k < n; ++k) w[k] -= c * b[k];
  }
  for (std::size_t k = 0; k < n; ++k) norm2 += w[k] * w[k];
  return norm2;
}

class Lanczos {
 public:
  Lanczos(const Csr& g, std::size_t length)
      : g_(g),
        basis_(std::min(length, g.num_vertices()), Vector(g.num_vertices())),
        w_(g.num_vertices()),
        root_n_(std::sqrt(static_cast<double>(g.num_vertices()))) {}

  // One round from the unit vector x, whose product (A + I) x is given;
  // at most `budget` products in all (the given one included). Ends early
  // when the Ritz vector's residual (|beta_j s_j|, Paige's estimate) says a
  // power step would change it by less than `tolerance`. Leaves the Ritz
  // vector of the largest Ritz value in x, with a positive sum (the sign of
  // the Perron vector). Returns the products made.
  std::size_t round(Vector& x, const Vector& product_of_x, std::size_t budget, double tolerance) {
    basis_[0] = x;
    w_ = product_of_x;
    Vector alpha, beta, s;
    const std::size_t length = std::min(basis_.size(), budget);
    std::size_t products = 1;
    for (std::size_t j = 0;; ++j) {
      if (j > 0) product(g_, basis_[j], w_), ++products;
      // The three-term recurrence, against the last two vectors only: the
      // rounds are short, and the stop test is a true power step anyway.
      const std::size_t from = j > 0 ? j - 1 : 0;
      Vector h(j + 1, 0.0);
      const double before = dot(w_, w_);
      double norm2 = orthogonalize(w_, basis_, from, j, h);
      // Most of w cancelled: once more, for orthogonality (Daniel, Gragg,
      // Kaufman & Stewart 1976).
      if (norm2 < 0.5 * before) norm2 = orthogonalize(w_, basis_, from, j, h);
      alpha.push_back(h[j]);
      const double b = std::sqrt(norm2);
      s = top_eigenvector(tridiagonal(alpha, beta), alpha.size());
      const double theta = ritz_value(alpha, beta, s);
      // A tiny remainder: the space is invariant, its Ritz vector exact.
      if (j + 1 == length || b <= 1e-12 * std::abs(h[j]) || b * std::abs(s.back()) * root_n_ < tolerance * theta) break;
      beta.push_back(b);
      for (std::size_t k = 0; k < w_.size(); ++k) basis_[j + 1][k] = w_[k] / b;
    }
    ritz_vector(s, x);
    return products;
  }

 private:
  static Vector tridiagonal(const Vector& alpha, const Vector& beta) {
    const std::size_t m = alpha.size();
    Vector t(m * m, 0.0);
    for (std::size_t i = 0; i < m; ++i) {
      t[i * m + i] = alpha[i];
      if (i + 1 < m) t[i * m + i + 1] = t[(i + 1) * m + i] = beta[i];
    }
    return t;
  }

  // s' T s for the unit vector s.
  static double ritz_value(const Vector& alpha, const Vector& beta, const Vector& s) {
    double value = 0;
    for (std::size_t i = 0; i < alpha.size(); ++i) {
      value += alpha[i] * s[i] * s[i];
      if (i + 1 < alpha.size()) value += 2 * beta[i] * s[i] * s[i + 1];
    }
    return value;
  }

  void ritz_vector(const Vector& s, Vector& x) const {
    std::fill(x.begin(), x.end(), 0.0);
    for (std::size_t i = 0; i < s.size(); ++i) {
      const double* b = basis_[i].data();
      for (std::size_t k = 0; k < x.size(); ++k) x[k] += s[i] * b[k];
    }
    double sum = 0;
    for (const auto value : x) sum += value;
    const double scale = (sum < 0 ? -1 : 1) / std::sqrt(dot(x, x));
    for (auto& value : x) value *= scale;
  }

  const Csr& g_;
  std::vector<Vector> basis_;
  Vector w_;
  double root_n_;
};

}  // namespace

PowerResult eigenvector_centrality(const Csr& g, const PowerIteration& stop) {
  const auto n = g.num_vertices();
  PowerResult r;
  if (n == 0) return r.converged = true, r;
  Vector x(n, 1.0 / std::sqrt(static_cast<double>(n))), ax(n), next(n);
  Lanczos lanczos(g, kRoundLength);
  bool accelerate = true;
  double last_change = std::numeric_limits<double>::infinity();
  while (r.iterations < stop.max_iterations) {
    product(g, x, ax);
    ++r.iterations;
    const double change = power_step(x, ax, next);
    if (change < stop.tolerance) {
      x.swap(next);
      r.converged = true;
      break;
    }
    // A round that gained less than a tenfold smaller change is at the
    // limit of rounding: plain steps from here, as without acceleration.
    accelerate = accelerate && change < 0.1 * last_change;
    last_change = change;
    if (accelerate && stop.max_iterations - r.iterations > 1)
      r.iterations += lanczos.round(x, ax, stop.max_iterations - r.iterations + 1, stop.tolerance) - 1;
    else
      x.swap(next);
  }
  r.score = std::move(x);
  return r;
}

}  // namespace aikg
