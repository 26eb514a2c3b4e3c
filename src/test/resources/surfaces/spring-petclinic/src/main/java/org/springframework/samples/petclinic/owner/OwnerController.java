package org.springframework.samples.petclinic.owner;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class OwnerController {

	private final OwnerRepository owners;

	OwnerController(OwnerRepository owners) {
		this.owners = owners;
	}

	@GetMapping("/owners")
	public String processFindForm(@RequestParam(defaultValue = "1") int page, Owner owner, BindingResult result) {
		String lastName = owner.getLastName();
		if (lastName == null) {
			lastName = "";
		}
		Page<Owner> ownersResults = owners.findByLastNameStartingWith(lastName, PageRequest.of(page - 1, 5));
		if (ownersResults.isEmpty()) {
			result.rejectValue("lastName", "notFound", "not found");
			return "owners/findOwners";
		}
		owner = ownersResults.iterator().next();
		return "redirect:/owners/" + owner.getId();
	}

	public String processUpdateOwnerForm(Owner owner, int ownerId) {
		owner.setId(ownerId);
		String telephone = "not a column, a local";
		this.owners.save(owner);
		return "redirect:/owners/{ownerId}" + telephone;
	}

}
