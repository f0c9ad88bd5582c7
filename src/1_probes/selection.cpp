// Probe selection by the victim's outputs, and the owner's labels file.
#include "sacjc/selection.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <set>
#include <string_view>

#include "sacjc/csv.h"
#include "sacjc/error.h"
#include "sacjc/files.h"

namespace sacjc {
namespace {

constexpr std::string_view kLabelBlanks = " \t\r";  // a stray carriage return is blank in a labels file

// Softmax of one row in double precision (shifted by the maximum, so large logits are safe).
std::vector<double> softmax(const Outputs& rows, Eigen::Index i) {
  const double top = rows.row(i).maxCoeff();
  std::vector<double> p(rows.cols());
  double sum = 0;
  for (Eigen::Index j = 0; j < rows.cols(); ++j) sum += p[j] = std::exp(static_cast<double>(rows(i, j)) - top);
  for (double& v : p) v /= sum;
  return p;
}

Eigen::Index top_class(const Outputs& rows, Eigen::Index i) {
  Eigen::Index k = 0;
  rows.row(i).maxCoeff(&k);
  return k;
}

// The first `count` of `order`, then back in pool order.
std::vector<int> first_sorted(std::vector<int> order, int count) {
  order.resize(std::min<std::size_t>(order.size(), count));
  std::sort(order.begin(), order.end());
  return order;
}

}  // namespace

Select parse_select(const std::string& text) {
  if (text == "all") return Select::kAll;
  if (text == "victim-wrong") return Select::kVictimWrong;
  if (text == "victim-uncertain") return Select::kVictimUncertain;
  if (text == "victim-disputed") return Select::kVictimDisputed;
  throw Error(ExitCode::kUsage,
              "--select must be all, victim-wrong, victim-uncertain or victim-disputed, got '" + text + "'");
}

std::string to_string(Select select) {
  switch (select) {
    case Select::kAll:
      return "all";
    case Select::kVictimWrong:
      return "victim-wrong";
    case Select::kVictimUncertain:
      return "victim-uncertain";
    case Select::kVictimDisputed:
      return "victim-disputed";
  }
  return "all";
}

Labels parse_labels(const std::string& text, const std::string& name, const std::vector<std::string>& known_files) {
  const std::set<std::string> known(known_files.begin(), known_files.end());
  std::string_view body(text);
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  Labels labels;
  int line_number = 0;
  for (std::string_view line : split_lines(body)) {
    line = trim(line, kLabelBlanks);
    ++line_number;
    const std::string where = "line " + std::to_string(line_number) + ": ";
    if (line_number == 1) {
      if (line != "file,label") throw bad_input(name, where + "the header must be 'file,label'");
      continue;
    }
    if (line.empty()) continue;
    // The label is after the last comma, so file names may hold commas.
    const std::size_t comma = line.rfind(',');
    if (comma == std::string_view::npos) throw bad_input(name, where + "expected 'file,label'");
    const std::string file(trim(line.substr(0, comma), kLabelBlanks));
    const std::string_view label_text = trim(line.substr(comma + 1), kLabelBlanks);
    int label = -1;
    auto [end_of_number, error] = std::from_chars(label_text.data(), label_text.data() + label_text.size(), label);
    if (error != std::errc() || end_of_number != label_text.data() + label_text.size() || label < 0)
      throw bad_input(name, where + "the label of '" + file + "' must be a class index (a whole number >= 0), got '" +
                                std::string(label_text) + "'");
    if (!known.count(file)) throw bad_input(name, where + "'" + file + "' is not an image of the probe directory");
    if (!labels.emplace(file, Label{label, line_number}).second)
      throw bad_input(name, where + "'" + file + "' is labelled twice");
  }
  if (line_number == 0)
    throw bad_input(name, "empty labels file; expected the header 'file,label' and one row per image");
  return labels;
}

Labels read_labels(const std::string& path, const std::vector<std::string>& known_files) {
  std::vector<std::uint8_t> bytes = read_file(path);
  return parse_labels(std::string(bytes.begin(), bytes.end()), path, known_files);
}

void check_label_range(const Labels& labels, long classes, const std::string& name) {
  const Labels::value_type* first = nullptr;
  for (const auto& entry : labels)
    if (entry.second.label >= classes && (!first || entry.second.line < first->second.line)) first = &entry;
  if (first)
    throw bad_input(name, "line " + std::to_string(first->second.line) + ": '" + first->first + "' has label " +
                              std::to_string(first->second.label) + ", but the victim has only " +
                              std::to_string(classes) + " classes");
}

std::vector<int> reference_answers(const Outputs& victim, const std::vector<Outputs>& references) {
  std::vector<int> answers(victim.rows());
  std::vector<int> votes(victim.cols());
  for (Eigen::Index i = 0; i < victim.rows(); ++i) {
    std::fill(votes.begin(), votes.end(), 0);
    for (const Outputs& r : references) {
      if (r.rows() != victim.rows() || r.cols() != victim.cols())
        throw Error(ExitCode::kInternal, "reference outputs of another shape than the victim's");
      ++votes[top_class(r, i)];
    }
    const int most = *std::max_element(votes.begin(), votes.end());
    const int own = static_cast<int>(top_class(victim, i));
    answers[i] =
        votes[own] == most ? own : static_cast<int>(std::find(votes.begin(), votes.end(), most) - votes.begin());
  }
  return answers;
}

int count_wrong(const Outputs& victim, const std::vector<int>& labels) {
  int wrong = 0;
  for (Eigen::Index i = 0; i < victim.rows(); ++i) wrong += top_class(victim, i) != labels[i];
  return wrong;
}

std::vector<int> select_probes(const Outputs& victim, Select method, int count, const std::vector<int>& labels,
                               const std::vector<std::string>& names, const std::string& labels_name) {
  const int n = static_cast<int>(victim.rows());
  if (count > n) throw Error(ExitCode::kInternal, "selection asks for more probes than the pool holds");
  std::vector<int> all(n);
  std::iota(all.begin(), all.end(), 0);
  if (method == Select::kAll) return first_sorted(all, count);

  std::vector<double> key(n);  // smaller first: entropy (negated) or confidence
  for (int i = 0; i < n; ++i) {
    std::vector<double> p = softmax(victim, i);
    if (method == Select::kVictimUncertain) {
      double entropy = 0;
      for (double v : p) entropy -= v > 0 ? v * std::log(v) : 0;
      key[i] = -entropy;
    } else {
      key[i] = *std::max_element(p.begin(), p.end());
    }
  }
  std::vector<int> order = all;
  if (method == Select::kVictimWrong || method == Select::kVictimDisputed) {  // disputed: labels are the references'
    if (labels.size() != all.size()) throw Error(ExitCode::kInternal, "victim-wrong needs one label per pool image");
    for (int i = 0; i < n; ++i)
      if (labels[i] >= victim.cols())
        throw bad_input(labels_name, "'" + names.at(i) + "' has label " + std::to_string(labels[i]) +
                                         ", but the victim has only " + std::to_string(victim.cols()) + " classes");
    // Wrong answers first, in pool order; then the right ones, least confident first.
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      const bool wrong_a = top_class(victim, a) != labels[a], wrong_b = top_class(victim, b) != labels[b];
      if (wrong_a != wrong_b) return wrong_a;
      return !wrong_a && key[a] < key[b];
    });
  } else {
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key[a] < key[b]; });
  }
  return first_sorted(order, count);
}

}  // namespace sacjc
