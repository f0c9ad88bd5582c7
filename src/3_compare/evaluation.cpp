#include "sacjc/evaluation.h"

#include <map>

namespace sacjc {

std::vector<double> distances_of(const std::vector<ModelResult>& models, const std::string& role,
                                 const std::string& family) {
  std::vector<double> distances;
  for (const auto& m : models)
    if (m.distance && m.entry.role == role && (family.empty() || m.entry.family == family))
      distances.push_back(*m.distance);
  return distances;
}

std::vector<ModelResult> split_by_arch(const std::vector<ModelResult>& models) {
  std::vector<ModelResult> split;
  for (ModelResult m : models) {
    if (m.entry.arch.empty()) continue;
    m.entry.family += "@" + m.entry.arch;
    if (!m.entry.baseline.empty()) m.entry.baseline += "@" + m.entry.arch;
    split.push_back(m);
  }
  return split;
}

std::vector<FamilyResult> summarize(const std::vector<ModelResult>& models, double threshold) {
  // Families in first-seen order, stolen ones first.
  std::vector<FamilyResult> families;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  for (const std::string role : {"stolen", "independent"})
    for (const auto& m : models) {
      if (m.entry.role != role) continue;
      auto key = std::make_pair(role, m.entry.family);
      if (!index.count(key)) {
        index[key] = families.size();
        FamilyResult family;
        family.family = m.entry.family;
        family.role = role;
        family.baseline = m.entry.baseline;
        families.push_back(family);
      }
      FamilyResult& f = families[index[key]];
      (m.distance ? f.models : f.errors)++;
    }

  for (FamilyResult& f : families) {
    std::vector<double> own = distances_of(models, f.role, f.family);
    f.mean_distance = mean(own);
    if (f.role == "independent") {
      f.at_threshold = confusion_at(threshold, {}, own);
      continue;
    }
    std::vector<double> baseline = distances_of(models, "independent", f.baseline);
    f.at_threshold = confusion_at(threshold, own, baseline);
    if (own.empty())
      f.note = "no model of this family could be evaluated";
    else if (baseline.empty())
      f.note = "no independent models in group '" + f.baseline + "'";
    if (!f.note.empty()) continue;
    f.auc = auc(own, baseline);
    f.welch = welch_test(own, baseline);
    if (!f.welch) f.note = "p-value needs at least 2 models on each side";
    f.best_f1_threshold = best_f1_threshold(own, baseline);
    f.best_f1 = confusion_at(*f.best_f1_threshold, own, baseline).f1();
  }
  return families;
}

}  // namespace sacjc
